package dev.sumlog.submit;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** A log could not take a request now but may later (timeout, 429, 5xx); optionally says when. */
public class TransientLogException extends IOException {

    private final Duration retryAfter;

    public TransientLogException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
