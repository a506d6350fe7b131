package dev.sumlog.source.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A download that failed, with a one-line message that starts with {@code "GET <url>: "} and never
 * contains a request header value (extra headers may be credentials).
 *
 * <p>{@link #retryable()} says whether trying again could help: true for network errors, stalls,
 * short bodies, HTTP 5xx and 429; false for other statuses, redirects out of the root and HTML served
 * for a binary file. {@link HttpDownloader} has already spent its attempts when it throws one.
 */
public class DownloadException extends IOException {

    private final boolean retryable;
    private final int status;
    private final Duration retryAfter;

    DownloadException(String message, boolean retryable, Throwable cause) {
        this(message, retryable, 0, null, cause);
    }

    private DownloadException(String message, boolean retryable, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** An answer other than 200: 5xx and 429 may be retried, after {@code retryAfter} when the server said. */
    static DownloadException status(String prefix, int status, Duration retryAfter) {
        boolean retryable = status == 429 || status >= 500;
        return new DownloadException(prefix + "HTTP " + status, retryable, status, retryAfter, null);
    }

    /** The same failure after {@code attempts} tries, said in its message. */
    DownloadException afterAttempts(int attempts) {
        return new DownloadException(getMessage() + ", " + attempts + " attempts", retryable, status, retryAfter, this);
    }

    /** Whether another try could succeed (the server or the network failed, not the file). */
    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status when the failure is a status other than 200, else empty. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** The server's Retry-After, when it sent one. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
