package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Before a backfill starts: the directories it writes exist (created here, not by a read-only
 * command), can be written and have room. A real write is the only honest test: as root permission
 * bits do not stop writes but a read-only mount does, and neither shows in the bits alone. A failure
 * is one line naming the path and the reason, and nothing else has started.
 */
final class Preflight {

    /** Below this a run would fail on its first chunk; say so now instead. */
    static final long MIN_FREE_BYTES = 1 << 20;

    private Preflight() {
    }

    static void check(BackfillSpec spec, String origin) {
        directory(spec.out(), "out", origin);
        directory(spec.state(), "state", origin);
        if (spec.embeddedLog() && !spec.log().dir().startsWith(spec.state())) {
            directory(spec.log().dir(), "log.dir", origin);
        }
    }

    private static void directory(Path dir, String field, String origin) {
        String prefix = origin + ": field '" + field + "': ";
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path failed = e instanceof FileSystemException fs && fs.getFile() != null ? Path.of(fs.getFile()) : dir;
            throw new UsageException(prefix + "cannot create " + dir
                    + (failed.equals(dir) ? "" : ": " + failed) + ": " + reason(e));
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UsageException(prefix + "cannot read the free space of " + dir + ": " + reason(e));
        }
        if (free < MIN_FREE_BYTES) {
            throw new UsageException(prefix + "no space left on " + dir + " (" + free + " bytes free)");
        }
        // CREATE_NEW: the probe may only ever be a file this process made, so deleting it is safe
        // even in a tree sumlog does not own (write-into-source).
        Path probe = dir.resolve(".sumlog-probe-" + ProcessHandle.current().pid() + ".tmp");
        boolean created = false;
        try {
            try (OutputStream out = Files.newOutputStream(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                created = true;
                out.write(new byte[] {'s', 'u', 'm', 'l', 'o', 'g', '\n'});
            }
            Files.delete(probe);
        } catch (IOException e) {
            if (created) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
            throw new UsageException(prefix + "cannot write in " + dir + ": " + reason(e));
        }
    }

    /** The errno-style reason ("read-only file system", "permission denied"), not Java's class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            return reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return String.valueOf(e.getMessage());
    }
}
