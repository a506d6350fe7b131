package dev.sumlog.digest;

import dev.sumlog.digest.archive.ArchiveInspector;
import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.digest.archive.Limits;
import dev.sumlog.signature.DetachedSignatures;
import dev.sumlog.signature.PendingSignature;
import dev.sumlog.signature.SignatureResult;
import dev.sumlog.signature.TrustedKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over an artifact's bytes, wherever they come from (a file, an HTTP body): each byte is read
 * once and fed to SHA-256, to the archive inspection (when it is on) and to the detached signature
 * check (when the artifact has one to check). Nothing is kept but one reusable buffer per thread.
 *
 * <p>Thread-safe: the hash pool's threads share one instance; digests and buffers are per thread.
 */
public final class ReadPass {

    private final ArchiveInspector inspector;
    private final TrustedKeys keys;
    private final ThreadLocal<ByteBuffer> buffers;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(ReadPass::sha256);

    /**
     * @param limits caps for the archive inspection, or null to switch inspection off
     * @param keys   the trusted keyrings, or null when no signature is checked
     */
    public ReadPass(Limits limits, TrustedKeys keys, int bufferBytes) {
        this.inspector = limits == null ? null : new ArchiveInspector(limits);
        this.keys = keys;
        this.buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(bufferBytes));
    }

    /** A pass that only hashes. */
    public static ReadPass hashOnly(int bufferBytes) {
        return new ReadPass(null, null, bufferBytes);
    }

    /** Whether artifacts' signatures are checked (keyrings were given). */
    public boolean checksSignatures() {
        return keys != null;
    }

    /**
     * Reads {@code channel} to its end (it is not closed).
     *
     * @param fileName the artifact's name, which says whether it is an archive to inspect
     */
    public ReadResult read(ReadableByteChannel channel, String fileName, SignatureInput signature) throws IOException {
        MessageDigest md = digests.get();
        md.reset();
        ByteBuffer buffer = buffers.get();
        PendingSignature pending = startSignature(signature);
        ReadableByteChannel source = pending != null && pending.needsContent()
                ? new SignatureFeedChannel(channel, pending) : channel;
        long bytes;
        Integrity integrity;
        if (inspector != null) {
            ArchiveInspector.Outcome outcome = inspector.read(source, fileName, md, buffer);
            bytes = outcome.bytesRead();
            integrity = outcome.integrity();
        } else {
            bytes = pump(source, md, buffer);
            integrity = Integrity.skipped();
        }
        return new ReadResult(HexFormat.of().formatHex(md.digest()), bytes, integrity, finish(signature, pending));
    }

    private PendingSignature startSignature(SignatureInput signature) {
        if (keys == null || !signature.check() || signature.signatureFile() == null) {
            return null;
        }
        return DetachedSignatures.start(keys, signature.signatureFile());
    }

    private SignatureResult finish(SignatureInput signature, PendingSignature pending) {
        if (keys == null || !signature.check()) {
            return null;
        }
        return pending == null ? SignatureResult.noSignature() : pending.finish();
    }

    private static long pump(ReadableByteChannel channel, MessageDigest md, ByteBuffer buffer) throws IOException {
        long total = 0;
        while (true) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                return total;
            }
            buffer.flip();
            md.update(buffer);
            total += n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
