package dev.sumlog.submit.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.submit.SubmitPolicy;
import dev.sumlog.submit.TransientLogException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Concurrent uploads: outcomes in order, a frozen log stops the queue, a Retry-After holds every upload. */
class UploadsTest {

    private final SubmitPolicy policy = new SubmitPolicy(1000, 4, 3, Duration.ofMillis(1), Duration.ofSeconds(5));
    private final PrintStream console = new PrintStream(new ByteArrayOutputStream());

    @Test
    void outcomesComeBackInRequestOrder() throws Exception {
        RemoteLog log = new Scripted(request -> new RemoteLog.Accepted(Long.parseLong(request), null));
        try (Uploads uploads = new Uploads(log, policy, 4, console)) {
            List<String> requests = IntStream.range(0, 40).mapToObj(Integer::toString).toList();
            assertThat(uploads.send(requests)).extracting(o -> o.accepted().index())
                    .containsExactlyElementsOf(IntStream.range(0, 40).mapToObj(i -> (long) i).toList());
        }
    }

    @Test
    void afterA405TheQueuedRequestsAreNotSent() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        RemoteLog log = new Scripted(request -> {
            sent.incrementAndGet();
            throw new FrozenLogException("frozen");
        });
        try (Uploads uploads = new Uploads(log, policy, 2, console)) {
            List<Uploads.Outcome> outcomes = uploads.send(IntStream.range(0, 50).mapToObj(Integer::toString).toList());
            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(FrozenLogException.class));
            assertThat(sent.get()).as("at most the uploads already in flight").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aRetryAfterHoldsEveryUploadNotOnlyTheOneThatHeardIt() throws Exception {
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        AtomicLong refusedAt = new AtomicLong(Long.MAX_VALUE);
        RemoteLog log = new Scripted(request -> {
            if (calls.getAndIncrement() == 0) {
                sleep(100);   // the others start meanwhile: they were sent before the server said anything
                refusedAt.set(System.nanoTime());
                throw new TransientLogException("HTTP 429", Duration.ofMillis(700));
            }
            starts.add(System.nanoTime());
            sleep(60);
            return new RemoteLog.Accepted(0, null);
        });
        try (Uploads uploads = new Uploads(log, policy, 4, console)) {
            List<Uploads.Outcome> outcomes = uploads.send(IntStream.range(0, 24).mapToObj(Integer::toString).toList());
            assertThat(outcomes).allSatisfy(o -> assertThat(o.accepted()).isNotNull());
        }
        // An upload that passed the gate in the instant between the answer and its being heard may start
        // just after it (later still on a loaded machine); 300 ms on, every upload must wait.
        long grace = Duration.ofMillis(300).toNanos();
        List<Long> afterRefusal = starts.stream().filter(start -> start > refusedAt.get() + grace).toList();
        assertThat(afterRefusal).as("uploads started after the 429").hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(start -> assertThat(start - refusedAt.get()).as("no upload starts inside the Retry-After")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(700).toNanos()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A log whose answers a function decides. */
    private record Scripted(Answer answer) implements RemoteLog {

        interface Answer {
            Accepted apply(String request) throws IOException;
        }

        @Override
        public String id() {
            return "https://log.example";
        }

        @Override
        public String receiptSuffix() {
            return null;
        }

        @Override
        public String request(String sumsSha256, String sumsUrl) {
            return sumsSha256;
        }

        @Override
        public Accepted submit(String request) throws IOException {
            return answer.apply(request);
        }
    }
}
