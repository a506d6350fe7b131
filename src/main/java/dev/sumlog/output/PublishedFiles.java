package dev.sumlog.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
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
 * Writes output files (sums, snapshots, receipts) that appear whole or not at all if the process
 * dies mid-write: a hidden temp file in the target's own directory (a rename is only atomic within
 * one file system), renamed over the target with {@code ATOMIC_MOVE}. Readers see the old file or
 * the new one.
 *
 * <p>No fsync: these files are derived from the catalog, which itself survives a killed process but
 * not a power cut (H2 does not sync each commit), so syncing each of them would cost two journal
 * commits per release (half a millisecond each here, the largest cost of a backfill of small
 * releases) without making the pair durable. The transparency log, which is not derivable, is
 * synced ({@code dev.sumlog.tlog.tiles}).
 */
public final class PublishedFiles {

    private static final String TEMP_PREFIX = ".sumlog-";
    private static final String TEMP_SUFFIX = ".tmp";

    private PublishedFiles() {
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
            // Delete and create rather than O_TRUNC: truncating on open cost ext4 about 0.5 ms a file here.
            Files.deleteIfExists(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            makeWorldReadable(temp);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            // A failed write(2) says only its errno ("No space left on device"): name the file it was for.
            FileSystemException named = new FileSystemException(absolute.toString(), null, e.getMessage());
            named.initCause(e);
            throw named;
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

    private static void makeWorldReadable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
