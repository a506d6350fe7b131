package dev.sumlog.source.http;

import static dev.sumlog.source.http.DownloadTestServer.bytes;
import static dev.sumlog.source.http.DownloadTestServer.ok;
import static dev.sumlog.source.http.DownloadTestServer.shortBody;
import static dev.sumlog.source.http.DownloadTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the reader's exceptions and the caller's interrupts meet the body's own failures. */
class HttpDownloaderReaderTest {

    static final String FILE = "/mirror/a-1.0.tar.gz";

    final DownloadTestServer server = new DownloadTestServer();
    final HttpDownloader downloader = new HttpDownloader(new RootScope(server.url("/mirror/")), HttpFetchSettings.defaults(),
            new DownloadPolicy(4, 0, 4, 3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(30)));

    @AfterEach
    void stop() {
        downloader.close();
        server.close();
    }

    Throwable failure(HttpDownloader.BodyReader<?> reader) {
        return catchThrowable(() -> downloader.download(server.url(FILE), "a-1.0.tar.gz", reader));
    }

    @Test
    void theReadersOwnIOExceptionPropagatesUnchangedAndIsNotRetried() {
        server.route(FILE, ok(bytes(5000, 1)));
        IOException mine = new IOException("caller aborted");
        Throwable thrown = failure(body -> {
            body.read(ByteBuffer.allocate(100));
            throw mine;
        });

        assertThat(thrown).isSameAs(mine);
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @Test
    void theReadersRuntimeExceptionPropagatesUnchanged() {
        server.route(FILE, ok(bytes(5000, 2)));
        IllegalStateException mine = new IllegalStateException("bug in the reader");

        assertThat(failure(body -> {
            throw mine;
        })).isSameAs(mine);
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @Test
    void aBodyFailureTheReaderWrapsIsStillTheBodysAndRetried() throws IOException {
        byte[] body = bytes(5000, 3);
        server.route(FILE, (exchange, call) -> (call == 1 ? shortBody(body, 3000) : ok(body)).handle(exchange, call));
        Downloaded<byte[]> done = downloader.download(server.url(FILE), "a-1.0.tar.gz", channel -> {
            try {
                return Channels.newInputStream(channel).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reader gave up", e);
            }
        });

        assertThat(done.result()).isEqualTo(body);
        assertThat(server.count(FILE)).isEqualTo(2);
    }

    @Test
    void aBodyFailureTheReaderSwallowsStillFailsTheDownload() {
        server.route(FILE, shortBody(bytes(5000, 4), 3000));
        AtomicInteger readerCalls = new AtomicInteger();
        Throwable thrown = failure(channel -> {
            readerCalls.incrementAndGet();
            try {
                return Channels.newInputStream(channel).readAllBytes().length;
            } catch (IOException e) {
                return -1; // pretends all is well
            }
        });

        assertThat(thrown).isInstanceOf(DownloadException.class).hasMessageStartingWith("GET " + server.url(FILE)
                + ": body ended after 3000 of 5000 bytes (Content-Length)").hasMessageEndingWith(", 3 attempts");
        assertThat(readerCalls).hasValue(3);
    }

    @Test
    void anInterruptStopsAStalledBodyPromptly() throws InterruptedException {
        server.route(FILE, (exchange, call) -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write(bytes(5000, 5));
            exchange.getResponseBody().flush();
            Thread.sleep(30_000); // interrupted when the server closes
        });
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> thrown.set(failure(channel -> {
            channel.read(ByteBuffer.allocate(4000));
            reading.countDown();
            return Channels.newInputStream(channel).readAllBytes(); // blocks: the server sends no more (read timeout 30 s)
        })));
        caller.start();
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class).hasMessage("GET " + server.url(FILE) + ": interrupted");
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @Test
    void anInterruptStopsTheWaitBeforeARetry() throws InterruptedException {
        server.route(FILE, status(503, "Retry-After", "30"));
        HttpDownloader patient = new HttpDownloader(new RootScope(server.url("/mirror/")), HttpFetchSettings.defaults(),
                new DownloadPolicy(1, 0, 1, 3, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30)));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> thrown.set(catchThrowable(
                () -> patient.download(server.url(FILE), "a-1.0.tar.gz", HttpDownloaderTest.ALL))));
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sleeping(caller) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        caller.interrupt();
        caller.join(10_000);
        patient.close();

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class).hasMessageContaining("interrupted waiting to retry");
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    /** Whether the thread waits in Thread.sleep, the backoff before a retry. */
    private static boolean sleeping(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getClassName().equals(Thread.class.getName())
                && frame.getMethodName().equals("sleep"));
    }
}
