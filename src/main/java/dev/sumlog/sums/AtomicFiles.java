package dev.sumlog.sums;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes files that appear whole or not at all, even if the process or the machine dies mid-write.
 *
 * <p>Steps: write a hidden temp file in the target's own directory (a rename is only atomic within one
 * file system), fsync it, rename it over the target with {@code ATOMIC_MOVE}, then fsync the directory
 * so the rename itself survives a power cut. Readers see either the old file or the new one. The
 * directory fsync is best effort: some platforms (Windows) cannot open a directory for it.
 */
public final class AtomicFiles {

    private static final String TEMP_PREFIX = ".sumlog-";
    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with {@code content}, creating missing parent
     * directories. The file is made readable by everyone (0644 where POSIX permissions exist), because
     * sums files are published, while the temp file stays owner-only until it is complete.
     *
     * @throws AtomicMoveNotSupportedException if the file system cannot rename atomically; the target is
     *                                         then left untouched rather than written non-atomically
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(tempName(absolute.getFileName().toString()));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            makeWorldReadable(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            fsyncDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * The temp name is a function of the target's name, so with a single writer (the state lock) a
     * temp file left by a killed write is reused and renamed away by the next write of the same
     * target, which a resumed run always makes: crashes leave no litter in published trees. Hashed
     * to stay within the file-name length limit whatever the target's name.
     */
    static String tempName(String targetName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(targetName.getBytes(StandardCharsets.UTF_8));
            return TEMP_PREFIX + HexFormat.of().formatHex(digest, 0, 8) + TEMP_SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code fileName} looks like a temp file left behind by a write that was killed. */
    public static boolean isLeftoverTempFile(String fileName) {
        return fileName.startsWith(TEMP_PREFIX) && fileName.endsWith(TEMP_SUFFIX);
    }

    private static void makeWorldReadable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort by design: the data itself is already durable and the rename already atomic.
        }
    }
}
