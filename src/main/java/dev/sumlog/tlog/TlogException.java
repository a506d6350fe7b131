package dev.sumlog.tlog;

/**
 * A proof, note, checkpoint, tile or receipt failed a check.
 *
 * <p>The message always starts with the object being checked and names the failed check, for
 * example {@code "inclusion proof: computed root != expected root"}, so that an operator can tell
 * from a log line alone why something was rejected.
 */
public class TlogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlogException(String message) {
        super(message);
    }

    public TlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
