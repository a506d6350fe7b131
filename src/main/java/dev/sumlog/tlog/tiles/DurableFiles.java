package dev.sumlog.tlog.tiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Durable, all-or-nothing file writes: a temp file in the same directory is written and
 * fsynced, then renamed over the target with ATOMIC_MOVE, then the directory is fsynced so
 * the rename itself survives a power loss. Readers see the old file or the new one, never a
 * torn one. Needs a POSIX file system (directory fsync).
 *
 * <p>The temp name is fixed ({@code <name>.tmp}): with a single writer a leftover from a crash
 * is simply overwritten next time, so crashes leave no litter that grows.
 */
final class DurableFiles {

    private DurableFiles() {
    }

    static void write(Path target, byte[] data) throws IOException {
        writeAll(Map.of(target, data), () -> { });
    }

    /**
     * Writes several files, each all or nothing, and makes all of them durable before returning.
     * Each file's data is fsynced before its rename, as in {@link #write}; each directory that
     * received a rename is fsynced once at the end instead of once per file (a tile batch puts
     * dozens of files into a handful of directories).
     */
    static void writeAll(Map<Path, byte[]> files, Runnable afterEachFile) throws IOException {
        Set<Path> renamedInto = new LinkedHashSet<>();
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            renamedInto.add(replace(file.getKey(), file.getValue()));
            afterEachFile.run();
        }
        for (Path dir : renamedInto) {
            syncDirectory(dir);
        }
    }

    /** Temp file, fsync, atomic rename; returns the directory whose entry changed. */
    private static Path replace(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        // Delete and create rather than O_TRUNC: truncating on open costs ext4 far more (measured).
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    /** Like Files.createDirectories, but each new directory entry is made durable too. */
    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        Files.createDirectory(dir);
        syncDirectory(dir.getParent());
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
