package dev.sumlog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A wait is announced at once, then at most once per interval, however many threads wait. */
class ThrottledNoticeTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());
    private final ThrottledNotice notice = new ThrottledNotice(printed::add, Duration.ofSeconds(5), now::get);

    @Test
    void theFirstWaitIsPrintedAtOnceThenOneLinePerInterval() {
        AtomicInteger built = new AtomicInteger();

        assertThat(notice.offer(() -> "wait " + built.incrementAndGet())).isTrue();
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(notice.offer(() -> "wait " + built.incrementAndGet())).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(notice.offer(() -> "wait " + built.incrementAndGet())).isTrue();

        assertThat(printed).containsExactly("wait 1", "wait 2");
        assertThat(built).as("a suppressed line is never built").hasValue(2);
    }

    @Test
    void manyThreadsWaitingAtOnceGiveOneLine() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            threads.submit(() -> {
                start.await();
                return notice.offer(() -> "waiting for the rate limit of host h (5/s)");
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(printed).containsExactly("waiting for the rate limit of host h (5/s)");
    }

    @Test
    void ratesAreWrittenAsPeopleWriteThem() {
        assertThat(ThrottledNotice.rate(5)).isEqualTo("5/s");
        assertThat(ThrottledNotice.rate(0.5)).isEqualTo("0.5/s");
        assertThat(ThrottledNotice.rate(2.25)).isEqualTo("2.25/s");
        assertThat(ThrottledNotice.rate(1000)).isEqualTo("1000/s");
        assertThat(ThrottledNotice.rate(1.0 / 3)).isEqualTo("0.333/s");
    }
}
