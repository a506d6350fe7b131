package dev.sumlog.bench;

import dev.sumlog.submit.SubmitPolicy;
import dev.sumlog.submit.remote.RemoteLog;
import dev.sumlog.submit.remote.Uploads;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * The rate of {@link Uploads} alone, without HTTP, a database or a backfill around it: a log that answers
 * after a fixed latency and records when each request reached it, fed either in pages (each
 * {@link Uploads#send} waits for its whole page before the next starts, as the submit step does) or in one
 * call. Separates what the limiter does from what the pages around it cost: for diagnosing scripts/bench (r).
 *
 * <p>Usage: {@code UploadsRateMain RATE CONCURRENCY LATENCY_MS COUNT PAGE [pipelined]} (PAGE 0: every request in
 * one send; {@code pipelined}: page N+1 is handed to Uploads while page N is still in flight, one page ahead at
 * most, as a submit step that records a page while the next is sent would do).
 * Prints {@code achieved <per second> ratio <achieved / RATE> pages <n>}.
 */
public final class UploadsRateMain {

    private UploadsRateMain() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[2]));
        int count = Integer.parseInt(args[3]);
        int page = Integer.parseInt(args[4]) == 0 ? count : Integer.parseInt(args[4]);

        SlowLog log = new SlowLog(latency);
        SubmitPolicy policy = new SubmitPolicy(rate, 1, 5, Duration.ofMillis(200), Duration.ofSeconds(30));
        List<String> requests = IntStream.range(0, count).mapToObj(i -> "request " + i).toList();
        boolean pipelined = args.length > 5 && args[5].equals("pipelined");
        int pages = 0;
        try (Uploads uploads = new Uploads(log, policy, concurrency, new PrintStream(OutputStream.nullOutputStream()))) {
            Thread previous = null;
            for (int from = 0; from < count; from += page) {
                List<String> batch = requests.subList(from, Math.min(count, from + page));
                if (pipelined) {
                    // The next page is queued while the previous one is still being answered: the lanes never drain.
                    Thread sender = new Thread(() -> sendQuietly(uploads, batch));
                    sender.start();
                    if (previous != null) {
                        previous.join();
                    }
                    previous = sender;
                    Thread.sleep(1);   // lets this page's requests queue before the next page's
                } else {
                    uploads.send(batch);
                }
                pages++;
            }
            if (previous != null) {
                previous.join();
            }
        }
        List<Long> t = new ArrayList<>(log.arrivals);
        t.sort(null);
        double achieved = (t.size() - 1) / ((t.get(t.size() - 1) - t.get(0)) / 1e9);
        System.out.printf("achieved %.3f ratio %.4f pages %d%n", achieved, achieved / rate, pages);
    }

    private static void sendQuietly(Uploads uploads, List<String> batch) {
        try {
            uploads.send(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers every request after {@code latency}, concurrently, noting when each arrived. */
    private static final class SlowLog implements RemoteLog {

        private final Duration latency;
        private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();

        SlowLog(Duration latency) {
            this.latency = latency;
        }

        @Override
        public String id() {
            return "slow-log";
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
        public Accepted submit(String request) {
            arrivals.add(System.nanoTime());
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Accepted(arrivals.size(), null);
        }
    }
}
