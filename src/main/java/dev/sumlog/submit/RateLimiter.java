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

    /**
     * Takes {@code tokens} (one per entry), waiting as long as the rate requires. When it must wait,
     * {@code onWait} hears once, before blocking, about how long the whole batch will take.
     */
    public void acquire(long tokens, Consumer<Duration> onWait) throws InterruptedException {
        if (bucket == null) {
            return;
        }
        long missing = tokens - bucket.getAvailableTokens();
        if (missing > 0) {
            onWait.accept(Duration.ofNanos((long) (missing * 1e9 / ratePerSecond)));
        }
        for (long left = tokens; left > 0; left--) {
            bucket.asBlocking().consume(1);
        }
    }
}
