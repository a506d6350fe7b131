package dev.sumlog.submit;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Retries a log call on {@link TransientLogException}: exponential backoff with full jitter,
 * at least the server's Retry-After, within a bounded number of attempts. Hand-written rather than
 * Spring's RetryTemplate because the wait depends on the failure (Retry-After), which a
 * {@code BackOff} cannot see.
 */
public final class Retrier {

    private final SubmitPolicy policy;
    private final Sleeper sleeper;

    /** Seam for tests: real runs sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public interface LogCall<T> {
        T call() throws IOException;
    }

    public Retrier(SubmitPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    public Retrier(SubmitPolicy policy) {
        this(policy, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /**
     * Runs {@code call}; on a transient failure waits and tries again, up to the policy's attempts.
     *
     * @throws RetriesExhaustedException when every attempt failed transiently
     * @throws IOException               a permanent failure, at once
     */
    public <T> T run(LogCall<T> call, Consumer<String> onRetry) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (TransientLogException e) {
                if (attempt >= policy.maxAttempts()) {
                    throw new RetriesExhaustedException(attempt, e);
                }
                Duration wait = delay(attempt, e);
                onRetry.accept("attempt " + attempt + " failed (" + e.getMessage() + "); retrying in "
                        + wait.toMillis() + " ms");
                sleeper.sleep(wait);
            }
        }
    }

    /** Full jitter over the exponential ceiling, but never less than Retry-After (capped at maxDelay). */
    Duration delay(int attempt, TransientLogException failure) {
        long ceiling = Math.min(policy.maxDelay().toMillis(),
                policy.initialDelay().toMillis() << Math.min(attempt - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling + 1);
        long floor = failure.retryAfter().map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.min(Math.max(jittered, floor), policy.maxDelay().toMillis()));
    }

    /** Every attempt failed transiently; the work stays pending for the next run. */
    public static final class RetriesExhaustedException extends IOException {
        RetriesExhaustedException(int attempts, TransientLogException last) {
            super("gave up after " + attempts + " attempts: " + last.getMessage(), last);
        }
    }
}
