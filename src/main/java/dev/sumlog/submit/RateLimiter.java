package dev.sumlog.submit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A token bucket (Bucket4j) in front of one log target. Waiting is never silent: any wait is
 * announced through the callback before the thread blocks, so progress output shows it.
 */
public final class RateLimiter {

    private final Bucket bucket;
    private final double ratePerSecond;

    private RateLimiter(Bucket bucket, double ratePerSecond) {
        this.bucket = bucket;
        this.ratePerSecond = ratePerSecond;
    }

    public static RateLimiter of(SubmitPolicy policy) {
        return of(policy, policy.burst());
    }

    /**
     * A bucket that starts empty: the first request waits one interval. A public log's rate then holds
     * across restarts with nothing stored: a run that starts just after a killed one cannot open with a
     * burst on top of the killed run's last requests.
     */
    public static RateLimiter startingEmpty(SubmitPolicy policy) {
        return of(policy, 0);
    }

    private static RateLimiter of(SubmitPolicy policy, long initialTokens) {
        if (policy.ratePerSecond() == 0) {
            return new RateLimiter(null, 0);
        }
        long refillNanos = (long) (1e9 / policy.ratePerSecond());
        Bandwidth limit = Bandwidth.builder().capacity(policy.burst())
                .refillGreedy(1, Duration.ofNanos(Math.max(refillNanos, 1)))
                .initialTokens(initialTokens).build();
        return new RateLimiter(Bucket.builder().addLimit(limit).build(), policy.ratePerSecond());
    }

    /** Entries per second; 0 when unlimited. */
    public double ratePerSecond() {
        return ratePerSecond;
    }

    /**
     * Takes {@code tokens} (one per entry), waiting as long as the rate requires. Whenever the thread
     * is about to block, {@code onWait} hears how long the rest of the acquisition will take: once for
     * a short wait, again and again during a long one (a batch of 1024 entries at 5/s), so a caller
     * that prints through a {@link dev.sumlog.support.ThrottledNotice} shows the wait every few seconds
     * while it lasts and never once per entry.
     */
    public void acquire(long tokens, Consumer<Duration> onWait) throws InterruptedException {
        if (bucket == null) {
            return;
        }
        for (long left = tokens; left > 0; left--) {
            if (!bucket.tryConsume(1)) {
                onWait.accept(Duration.ofNanos((long) (left * 1e9 / ratePerSecond)));
                bucket.asBlocking().consume(1);
            }
        }
    }
}
