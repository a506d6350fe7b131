package dev.sumlog.tlog.timestamp;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The TSA could not answer now (HTTP 5xx or 429, a timeout, a refused or broken connection): the
 * same request may succeed later, so the caller may retry, with backoff and honouring
 * {@link #retryAfter()}. Every other failure of {@link TimestampClient} is permanent.
 */
public class TsaUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    public TsaUnavailableException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, when it sent one in seconds. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
