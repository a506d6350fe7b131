package dev.sumlog.output;

import dev.sumlog.support.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;

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

    /** Sums files are published: readable by everyone (where POSIX permissions exist). */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<StandardOpenOption> CREATE_NEW_FOR_WRITE =
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static volatile Boolean umaskKeepsReadable;

    private PublishedFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with {@code content}, creating missing parent
     * directories. The file is made readable by everyone (0644 where POSIX permissions exist), because
     * sums files are published.
     *
     * @throws AtomicMoveNotSupportedException if the file system cannot rename atomically; the target is
     *                                         then left untouched rather than written non-atomically
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = directory.resolve(tempName(absolute.getFileName().toString()));
        boolean moved = false;
        try {
            try (FileChannel channel = createTemp(temp, directory)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            if (!umaskKeepsReadable(temp)) {
                Files.setPosixFilePermissions(temp, READABLE);
            }
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
        byte[] digest = Sha256.of(targetName.getBytes(StandardCharsets.UTF_8));
        return TEMP_PREFIX + HexFormat.of().formatHex(digest, 0, 8) + TEMP_SUFFIX;
    }

    /**
     * Creates the temp file, mode 0644 (less what the umask removes). The common case costs one
     * open(2): the directory and a stale temp file are only dealt with when the open says so. Delete
     * and create rather than O_TRUNC: truncating on open cost ext4 about 0.5 ms a file here.
     */
    private static FileChannel createTemp(Path temp, Path directory) throws IOException {
        try {
            return openNew(temp);
        } catch (NoSuchFileException noDirectory) {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException leftByAKilledWrite) {
            Files.delete(temp);
        }
        return openNew(temp);
    }

    private static FileChannel openNew(Path temp) throws IOException {
        return POSIX ? FileChannel.open(temp, CREATE_NEW_FOR_WRITE, PosixFilePermissions.asFileAttribute(READABLE))
                : FileChannel.open(temp, CREATE_NEW_FOR_WRITE);
    }

    /**
     * Whether files come out readable by everyone as created, which depends only on the process's
     * umask: learnt from the first file (one stat), so later files skip the chmod.
     */
    private static boolean umaskKeepsReadable(Path created) throws IOException {
        if (!POSIX) {
            return true;
        }
        Boolean known = umaskKeepsReadable;
        if (known == null) {
            known = Files.getPosixFilePermissions(created).containsAll(READABLE);
            umaskKeepsReadable = known;
        }
        return known;
    }
}
