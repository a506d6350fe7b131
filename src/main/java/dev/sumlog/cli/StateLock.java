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

/**
 * One process per state directory. An OS file lock (released by the kernel when the process dies,
 * SIGKILL included, so it never goes stale) on {@code <state>/sumlog.lock}, which also records the
 * owner's pid and start time for the message a second process prints.
 */
public final class StateLock implements AutoCloseable {

    static final String FILE = "sumlog.lock";

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
            String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new LockedException("state directory " + stateDir + " is in use by another sumlog process ("
                    + (owner.isEmpty() ? "unknown pid" : owner) + "); wait for it to finish or stop it first");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new StateLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another live process holds the state directory. */
    public static final class LockedException extends RuntimeException {
        LockedException(String message) {
            super(message);
        }
    }
}
