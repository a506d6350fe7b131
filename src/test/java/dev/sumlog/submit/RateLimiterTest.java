package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void holdsTheRateAfterTheBurstAndAnnouncesEveryWait() throws Exception {
        RateLimiter limiter = RateLimiter.of(new SubmitPolicy(20, 2, 1, Duration.ZERO, Duration.ZERO));
        List<Duration> waits = new ArrayList<>();

        long start = System.nanoTime();
        limiter.acquire(6, waits::add);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Two tokens at once (the burst), then one every 50 ms: at least 4 x 50 ms for the rest,
        // announced once, before blocking, with the whole wait.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void unlimitedNeverWaits() throws Exception {
        List<Duration> waits = new ArrayList<>();
        RateLimiter.of(SubmitPolicy.unlimited()).acquire(10_000, waits::add);
        assertThat(waits).isEmpty();
    }
}
