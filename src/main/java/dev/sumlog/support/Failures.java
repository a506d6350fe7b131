package dev.sumlog.support;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/**
 * Turns a run's failure into the one line a user reads. Frameworks wrap the cause several times
 * ("Unable to process chunk", "PreparedStatementCallback; ..."), so their wrappers are skipped: the
 * line is sumlog's own message (which names the file and the errno), or, under a database error,
 * the I/O error beneath it (a full disk), or the innermost message; never a stack trace, never a
 * multi-line SQL text.
 */
public final class Failures {

    private static final int MAX_LENGTH = 400;

    private Failures() {
    }

    /** True when the failure came from the catalog database (a full or read-only state directory, say). */
    public static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t.getClass().getName().startsWith("org.springframework.dao.")) {
                return true;
            }
        }
        return false;
    }

    public static String oneLine(Throwable failure) {
        Throwable own = null;
        Throwable io = null;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (own == null && t.getClass().getName().startsWith("dev.sumlog.") && t.getMessage() != null) {
                own = t;
            }
            if (io == null && t instanceof IOException) {
                io = t;
            }
            if (t.getMessage() != null && !(t instanceof SQLException && t.getCause() != null)) {
                innermost = t;
            }
        }
        Throwable chosen = own != null ? own : io != null ? io : innermost;
        String message = chosen instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getFile() + ": " + fse.getReason()
                : chosen.getMessage() != null ? chosen.getMessage() : chosen.getClass().getSimpleName();
        String line = OneLine.escape(message.lines().findFirst().orElse(message));
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }
}
