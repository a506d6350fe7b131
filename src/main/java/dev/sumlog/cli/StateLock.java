package dev.sumlog.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One process per state directory. An OS file lock (released by the kernel when the process dies,
 * SIGKILL included, so it never goes stale) on {@code <state>/sumlog.lock}, which also records the
 * owner's pid and start time for the message a second process prints.
 */
public final class StateLock implements AutoCloseable {

    static final String FILE = "sumlog.lock";

    /** Both null for a read-only holder of a state directory that has no lock file (nothing to lock). */
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link LockedException} naming the process that holds it. */
    public static StateLock acquire(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new LockedException("state directory " + stateDir + " is in use by another sumlog process ("
                    + owner(stateDir) + "); wait for it to finish or stop it first");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new StateLock(channel, lock);
    }

    /**
     * For read-only commands: never creates the directory or the lock file, never writes. Empty when
     * another process holds the lock. A shared lock, so it excludes a backfill (which takes it
     * exclusively) but not another reader. Without a lock file no backfill has ever run here, so there
     * is nothing to exclude and the returned lock holds nothing.
     */
    public static Optional<StateLock> tryAcquireExisting(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.of(new StateLock(null, null));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock(0, Long.MAX_VALUE, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new StateLock(channel, lock));
    }

    /** What the holder wrote into the lock file ("pid N, since T"), or "unknown pid". */
    public static String owner(Path stateDir) {
        try {
            String owner = Files.readString(stateDir.resolve(FILE), StandardCharsets.UTF_8).trim();
            return owner.isEmpty() ? "unknown pid" : owner;
        } catch (IOException e) {
            return "unknown pid";
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            lock.release();
            channel.close();
        }
    }

    /** Another live process holds the state directory. */
    public static final class LockedException extends RuntimeException {
        LockedException(String message) {
            super(message);
        }
    }
}
