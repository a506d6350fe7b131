package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket of a public log starts empty, so a restarted run cannot open with a burst. */
class RateLimiterTest {

    private final SubmitPolicy fiftyPerSecond = new SubmitPolicy(50, 3, 5, Duration.ofMillis(1), Duration.ofMillis(1));

    @Test
    void aBucketThatStartsEmptyMakesEvenTheFirstRequestWaitItsInterval() throws Exception {
        List<Duration> waits = new ArrayList<>();
        RateLimiter.startingEmpty(fiftyPerSecond).acquire(1, waits::add);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void theEmbeddedLogsBucketStartsFullWithItsBurst() throws Exception {
        List<Duration> waits = new ArrayList<>();
        RateLimiter.of(fiftyPerSecond).acquire(3, waits::add);
        assertThat(waits).as("a burst of 3 goes at once").isEmpty();
    }

    @Test
    void aLongWaitIsAnnouncedAgainForEveryEntryItStillWaitsForWithTheTimeLeft() throws Exception {
        List<Duration> waits = new ArrayList<>();
        RateLimiter.startingEmpty(fiftyPerSecond).acquire(10, waits::add);
        // Callers throttle what they print (ThrottledNotice). A thread descheduled for a while may find
        // a token ready and not wait for it, so only the first wait is exact.
        assertThat(waits.get(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(waits).hasSizeBetween(2, 10).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();
    }
}
