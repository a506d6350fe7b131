package dev.sumlog.digest.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a file and the integrity of the archive in it, from one read. A convenience over
 * {@link ArchiveInspector} for callers that own no read loop (tests, tools); the hash step, which
 * checks that a file is stable while it is read, calls {@link ArchiveInspector#read} in its own loop.
 * One instance per thread: it keeps a read buffer.
 */
public final class InspectingDigester {

    private final ArchiveInspector inspector;
    private final ByteBuffer buffer;
    private final MessageDigest sha256;

    public InspectingDigester(Limits limits, int bufferBytes) {
        this.inspector = new ArchiveInspector(limits);
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    /** The file's SHA-256 (hex), its size as read, and the integrity of the archive its name says it is. */
    public Result digest(Path file) throws IOException {
        sha256.reset();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ArchiveInspector.Outcome outcome = inspector.read(channel, file.getFileName().toString(), sha256, buffer);
            return new Result(HexFormat.of().formatHex(sha256.digest()), outcome.bytesRead(), outcome.integrity());
        }
    }

    /** The digest and the verdict from the same read. */
    public record Result(String sha256, long size, Integrity integrity) {
    }
}
