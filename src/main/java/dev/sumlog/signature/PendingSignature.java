package dev.sumlog.signature;

import dev.sumlog.signature.SignatureResult.Status;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;

/**
 * A signature check in progress: the artifact's bytes go in with {@link #update} as the hashing pass reads
 * them, in chunks of any size, and {@link #finish} gives the result. Each byte is read once by the caller
 * and fed to every signature that could verify, so the check never needs a second read of the file.
 *
 * <p>Not thread-safe: one pass feeds one instance. When the outcome is settled before any byte (a malformed
 * signature file, no trusted key), {@link #needsContent} is false and updates cost nothing.
 */
public final class PendingSignature {

    /** A signature bound to one trusted key that might have made it. */
    record Attempt(PGPSignature signature, TrustedKey key) {
    }

    /** Among results that are not GOOD, the one reported: what most needs a person's attention first. */
    private static final List<Status> SEVERITY = List.of(Status.BAD, Status.EXPIRED_KEY, Status.UNKNOWN_KEY,
            Status.MALFORMED);

    private final List<Attempt> attempts;
    private final List<SignatureResult> settled;
    private byte[] copyBuffer;
    private SignatureResult result;

    PendingSignature(List<Attempt> attempts, List<SignatureResult> settled) {
        this.attempts = List.copyOf(attempts);
        this.settled = List.copyOf(settled);
    }

    /** False when no byte of the artifact can change the result. */
    public boolean needsContent() {
        return !attempts.isEmpty() && result == null;
    }

    public void update(byte[] bytes, int offset, int length) {
        if (result != null) {
            throw new IllegalStateException("signature check already finished");
        }
        for (Attempt attempt : attempts) {
            attempt.signature().update(bytes, offset, length);
        }
    }

    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /** Feeds the buffer's remaining bytes and leaves its position at its limit, as MessageDigest does. */
    public void update(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            update(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        if (copyBuffer == null) {
            copyBuffer = new byte[64 * 1024];
        }
        while (buffer.hasRemaining()) {
            int length = Math.min(copyBuffer.length, buffer.remaining());
            buffer.get(copyBuffer, 0, length);
            update(copyBuffer, 0, length);
        }
    }

    /** The result once every byte of the artifact went in; later calls return the same result. */
    public SignatureResult finish() {
        if (result == null) {
            result = decide();
        }
        return result;
    }

    private SignatureResult decide() {
        List<SignatureResult> results = new ArrayList<>(settled);
        for (Attempt attempt : attempts) {
            SignatureResult outcome = check(attempt);
            if (outcome.isGood()) {
                return outcome;
            }
            results.add(outcome);
        }
        return results.stream()
                .min(Comparator.comparingInt(r -> SEVERITY.indexOf(r.status())))
                .orElseThrow(() -> new IllegalStateException("a signature check with nothing to check"));
    }

    private static SignatureResult check(Attempt attempt) {
        PGPSignature signature = attempt.signature();
        TrustedKey key = attempt.key();
        Instant signedAt = DetachedSignatures.createdAt(signature);
        try {
            if (!signature.verify()) {
                return SignatureResult.of(Status.BAD, key, signedAt,
                        "signature by " + KeyTimeline.describe(key) + " does not match the artifact's bytes");
            }
        } catch (PGPException | RuntimeException e) {
            return SignatureResult.of(Status.BAD, key, signedAt,
                    "cannot verify the signature by " + KeyTimeline.describe(key) + ": " + OneLine.of(e));
        }
        return KeyTimeline.judge(key, signedAt);
    }
}
