package dev.sumlog.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Sorts write failures into the two kinds a step must treat differently: a problem of one output
 * (its name is too long, another file stands there), which skips that output and lets the run go
 * on, and a problem of the whole tree (disk full, read-only, quota), which no other output could
 * escape, so the step stops at once with a one-line message and the next run resumes.
 */
public final class OutputFailures {

    private OutputFailures() {
    }

    /**
     * Why one output is skipped, in one line: a clash says so itself, any other problem of that
     * output is "{@code <what> not written: <file>: <errno>}". A failure of the whole tree is not a
     * reason to skip one output: it is thrown ({@link #fatal}) and stops the step.
     */
    public static String skipReason(IOException e, String what) {
        if (e instanceof OutputClashException) {
            return e.getMessage();
        }
        if (affectsWholeTree(e)) {
            throw fatal(e);
        }
        return what + " not written: " + describe(e);
    }

    /** True when every other write into the same tree would fail the same way. */
    public static boolean affectsWholeTree(IOException e) {
        String reason = (e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage())).toLowerCase(Locale.ROOT);
        return reason.contains("no space left") || reason.contains("read-only file system")
                || reason.contains("quota exceeded");
    }

    /** One line naming the file and the system's reason (errno text). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            return fse.getFile() + ": " + (fse.getReason() != null ? fse.getReason() : fse.getClass().getSimpleName());
        }
        return String.valueOf(e.getMessage());
    }

    /** Raises a whole-tree failure as the step's failure, naming the file and errno. */
    public static RuntimeException fatal(IOException e) {
        return new OutputTreeException("cannot write the output tree: " + describe(e), e);
    }

    /** A failure that stops the step: nothing else could be written either. */
    public static final class OutputTreeException extends RuntimeException {
        OutputTreeException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
