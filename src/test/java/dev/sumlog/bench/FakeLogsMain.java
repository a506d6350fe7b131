package dev.sumlog.bench;

import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.fakes.Traffic;
import dev.sumlog.testing.FakeTsa;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs a fake Rekor v1, a fake Rekor v2 and a fake TSA on 127.0.0.1 for {@code scripts/bench} part (r),
 * outside the JVM under test, so that the arrival times are taken by a server the client does not share a
 * process (or a garbage collector) with.
 *
 * <p>Usage: {@code FakeLogsMain DIR [V2_LATENCY_MS]}. Writes into DIR: {@code v1.url}, {@code v1.pem} (the v1
 * log key), {@code v2.url}, {@code tsa.url}, {@code trusted_root.json} (v2 log and TSA) and, last, {@code ready}.
 * When stdin closes or the JVM is told to stop (SIGTERM, SIGINT), it writes {@code v1.arrivals} and
 * {@code v2.arrivals}: the {@link System#nanoTime()} of every POST each fake received, one a line, in
 * arrival order; and {@code v1.traffic}, {@code v2.traffic}: {@code posts N appended N duplicates N max-in-flight N};
 * then it exits. Each file is written under a temporary name and renamed, so a reader never
 * sees half of one.
 */
public final class FakeLogsMain {

    private FakeLogsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: FakeLogsMain DIR [V2_LATENCY_MS]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Duration v2Latency = Duration.ofMillis(args.length == 2 ? Long.parseLong(args[1]) : 0);

        FakeRekorV1 v1 = FakeRekorV1.start();
        FakeRekorV2 v2 = FakeRekorV2.start();
        v2.latency(v2Latency);
        FakeTsa tsa = FakeTsa.start();

        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    write(dir, "v1.arrivals", lines(v1.traffic().postArrivalNanos()));
                    write(dir, "v2.arrivals", lines(v2.traffic().postArrivalNanos()));
                    write(dir, "v1.traffic", counters(v1.traffic()));
                    write(dir, "v2.traffic", counters(v2.traffic()));
                } finally {
                    v1.close();
                    v2.close();
                    tsa.close();
                    done.countDown();
                }
            }
        };
        // A signal runs the hook; the hook must not return before the files are written.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(done);
        }, "fake-logs-stop"));

        write(dir, "v1.url", v1.url() + "\n");
        write(dir, "v1.pem", v1.logKeyPem());
        write(dir, "v2.url", v2.url() + "\n");
        write(dir, "tsa.url", tsa.url() + "\n");
        write(dir, "trusted_root.json", BenchTrustedRoot.of(v2, tsa));
        write(dir, "ready", "v2 latency " + v2Latency.toMillis() + " ms\n");

        drain(System.in);
        stop.run();
        System.exit(0);
    }

    /** Reads stdin until it closes: the caller closing it is the request to stop. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // nothing to do with the bytes
        }
    }

    private static String lines(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining("\n", "", values.isEmpty() ? "" : "\n"));
    }

    private static String counters(Traffic traffic) {
        return "posts " + traffic.posts() + " appended " + traffic.appended() + " duplicates " + traffic.duplicates()
                + " max-in-flight " + traffic.maxConcurrentPosts() + "\n";
    }

    private static void write(Path dir, String name, String text) {
        try {
            Path tmp = dir.resolve("." + name + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name), e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
