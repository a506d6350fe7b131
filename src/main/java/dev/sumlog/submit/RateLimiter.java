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

    private RateLimiter(Bucket bucket) {
        this.bucket = bucket;
    }

    public static RateLimiter of(SubmitPolicy policy) {
        if (policy.ratePerSecond() == 0) {
            return new RateLimiter(null);
        }
        long refillNanos = (long) (1e9 / policy.ratePerSecond());
        Bandwidth limit = Bandwidth.builder().capacity(policy.burst())
                .refillGreedy(1, Duration.ofNanos(Math.max(refillNanos, 1)))
                .initialTokens(policy.burst()).build();
        return new RateLimiter(Bucket.builder().addLimit(limit).build());
    }

    /** Takes {@code tokens} (one per request), waiting as long as the rate requires. */
    public void acquire(long tokens, Consumer<Duration> onWait) throws InterruptedException {
        if (bucket == null) {
            return;
        }
        for (long left = tokens; left > 0; left--) {
            long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (waitNanos > 0) {
                onWait.accept(Duration.ofNanos(waitNanos));
            }
            bucket.asBlocking().consume(1);
        }
    }
}
