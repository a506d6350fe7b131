package dev.sumlog.submit;

import java.time.Duration;

/**
 * Rate limit and retry settings of one log target (job file {@code log.*}).
 *
 * @param ratePerSecond sustained requests per second; 0 means unlimited (the embedded default)
 * @param burst         requests allowed at once after an idle period
 * @param maxAttempts   attempts per batch before its releases stay pending for the next run
 * @param initialDelay  first backoff; doubles per attempt, with full jitter, up to {@code maxDelay}
 * @param maxDelay      longest wait between attempts (a longer Retry-After is honoured but capped here)
 */
public record SubmitPolicy(double ratePerSecond, int burst, int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static SubmitPolicy unlimited() {
        return new SubmitPolicy(0, 1, 5, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    public SubmitPolicy {
        if (ratePerSecond < 0 || burst < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("log rate must be >= 0, burst >= 1, attempts >= 1");
        }
    }
}
