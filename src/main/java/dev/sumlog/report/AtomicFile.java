package dev.sumlog.report;

import dev.sumlog.support.OneLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file that readers (a monitoring agent, a script) see whole or not at all: a temp file in
 * the same directory, fsynced, renamed over the target, then the directory fsynced so the rename
 * itself survives a power cut. The temp name is hidden and ends in {@code .tmp}, so a collector that
 * reads {@code *.prom} or {@code *.json} never picks up a half-written file. Any failure removes the
 * temp file and is one line naming the target.
 */
final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /**
     * @param what what the file is, for the message ("report", "metrics file")
     * @throws IOException one line: {@code cannot write the <what> <target>: <why>}
     */
    static void write(Path target, byte[] content, String what) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        String failure = "cannot write the " + what + " " + OneLine.escape(absolute.toString()) + ": ";
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException(failure + "directory " + OneLine.escape(String.valueOf(directory)) + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(failure + "it is a directory");
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path temp = directory.resolve("." + absolute.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file is hidden and named .tmp; what failed is what the user must hear about
            }
            throw new IOException(failure + reason(e), e);
        }
        syncDirectory(directory);
    }

    /** The rename is durable only once the directory is; some file systems cannot sync a directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            // the file is complete either way; only its survival of a power cut is less certain
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " ");
    }
}
