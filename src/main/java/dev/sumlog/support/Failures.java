package dev.sumlog.support;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/**
 * Turns a run's failure into the one line a user reads. Frameworks wrap the cause several times
 * ("Unable to process chunk", "PreparedStatementCallback; ..."), and the line that helps is the
 * innermost I/O error (it names the file and the errno: a full disk, a read-only mount) or, failing
 * that, the innermost message; never a stack trace, never a multi-line SQL text.
 */
public final class Failures {

    private static final int MAX_LENGTH = 400;

    private Failures() {
    }

    public static String oneLine(Throwable failure) {
        Throwable io = null;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException || (t instanceof IOException && io == null)) {
                io = t;
            }
            if (t.getMessage() != null && !(t instanceof SQLException && t.getCause() != null)) {
                innermost = t;
            }
        }
        Throwable chosen = io != null ? io : innermost;
        String message = chosen instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getFile() + ": " + fse.getReason()
                : chosen.getMessage() != null ? chosen.getMessage() : chosen.getClass().getSimpleName();
        String line = OneLine.escape(message.lines().findFirst().orElse(message));
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
