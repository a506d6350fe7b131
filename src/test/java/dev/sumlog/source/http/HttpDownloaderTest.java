package dev.sumlog.source.http;

import static dev.sumlog.source.http.DownloadTestServer.bytes;
import static dev.sumlog.source.http.DownloadTestServer.ok;
import static dev.sumlog.source.http.DownloadTestServer.send;
import static dev.sumlog.source.http.DownloadTestServer.shortBody;
import static dev.sumlog.source.http.DownloadTestServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link HttpDownloader} against a real HTTP server on 127.0.0.1: what it accepts, retries and refuses. */
class HttpDownloaderTest {

    static final String FILE = "/mirror/a-1.0.tar.gz";
    static final HttpDownloader.BodyReader<byte[]> ALL = body -> Channels.newInputStream(body).readAllBytes();

    final DownloadTestServer server = new DownloadTestServer();
    HttpDownloader downloader;

    @AfterEach
    void stop() {
        if (downloader != null) {
            downloader.close();
        }
        server.close();
    }

    /** Quick retries, no rate limit, 1 s read timeout. */
    static DownloadPolicy fast(int attempts) {
        return new DownloadPolicy(4, 0, 4, attempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    HttpDownloader downloader(DownloadPolicy policy) {
        return downloader(policy, HttpFetchSettings.defaults());
    }

    HttpDownloader downloader(DownloadPolicy policy, HttpFetchSettings settings) {
        downloader = new HttpDownloader(new RootScope(server.url("/mirror/")), settings, policy);
        return downloader;
    }

    DownloadException failure(HttpDownloader.BodyReader<?> reader) {
        return catchThrowableOfType(() -> downloader.download(server.url(FILE), "a-1.0.tar.gz", reader), DownloadException.class);
    }

    @Test
    void aDownloadStreamsTheBodyAndReturnsItsHeaders() throws IOException {
        byte[] body = bytes(300_000, 1);
        server.route(FILE, ok(body, "ETag", "\"abc-1\"", "Last-Modified", "Wed, 22 Mar 2023 10:15:00 GMT"));
        Downloaded<byte[]> done = downloader(fast(1)).download(server.url(FILE), "a-1.0.tar.gz", ALL);

        assertThat(done.result()).isEqualTo(body);
        assertThat(done.bytes()).isEqualTo(body.length);
        assertThat(done.contentLength()).isEqualTo(OptionalLong.of(body.length));
        assertThat(done.etag()).contains("\"abc-1\"");
        assertThat(done.lastModified()).contains("Wed, 22 Mar 2023 10:15:00 GMT");
        assertThat(done.finalUrl()).isEqualTo(server.url(FILE));
    }

    @Test
    void theReaderGetsTheFirstBytesBeforeTheServerHasSentTheRest() throws IOException {
        byte[] body = bytes(4000, 2);
        CountDownLatch readerHasStart = new CountDownLatch(1);
        AtomicInteger serverWaitedInVain = new AtomicInteger();
        server.route(FILE, (exchange, call) -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, 2000);
            out.flush();
            if (!readerHasStart.await(5, TimeUnit.SECONDS)) {
                serverWaitedInVain.incrementAndGet();
            }
            out.write(body, 2000, 2000);
        });
        byte[] seen = downloader(fast(1)).download(server.url(FILE), "a-1.0.tar.gz", channel -> {
            ByteBuffer start = ByteBuffer.allocate(2000);
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // one byte at a time would do as well; the peek is replayed in whatever slices are asked for
            }
            readerHasStart.countDown();
            byte[] rest = Channels.newInputStream(channel).readAllBytes();
            return ByteBuffer.allocate(4000).put(start.array()).put(rest).array();
        }).result();

        assertThat(seen).isEqualTo(body); // the sniffed first KiB reaches the reader from byte 0
        assertThat(serverWaitedInVain).hasValue(0);
    }

    @Test
    void aFailedAttemptIsRetriedAndTheReaderStartsAgainFromByteZero() throws IOException {
        byte[] body = bytes(5000, 3);
        server.route(FILE, (exchange, call) -> {
            switch (call) {
                case 1 -> shortBody(body, 3000).handle(exchange, call); // past the peek: the reader gets 3000 bytes
                case 2 -> status(503).handle(exchange, call);
                default -> ok(body).handle(exchange, call);
            }
        });
        AtomicInteger readerCalls = new AtomicInteger();
        Downloaded<byte[]> done = downloader(fast(3)).download(server.url(FILE), "a-1.0.tar.gz", channel -> {
            readerCalls.incrementAndGet();
            return ALL.read(channel);
        });

        assertThat(done.result()).isEqualTo(body);
        assertThat(readerCalls).hasValue(2); // the 503 had no body to read
        assertThat(server.count(FILE)).isEqualTo(3);
    }

    @Test
    void serverErrorsAreRetriedUpToTheAttemptsAndTheMessageSaysSo() {
        server.route(FILE, status(500));
        downloader(fast(3));
        DownloadException e = failure(ALL);

        assertThat(e.getMessage()).isEqualTo("GET " + server.url(FILE) + ": HTTP 500, 3 attempts");
        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).hasValue(500);
        assertThat(server.count(FILE)).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        downloader(fast(3));
        DownloadException e = failure(ALL); // no route: 404

        assertThat(e.getMessage()).isEqualTo("GET " + server.url(FILE) + ": HTTP 404");
        assertThat(e.retryable()).isFalse();
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws IOException {
        byte[] body = bytes(10, 4);
        server.route(FILE, (exchange, call) -> (call == 1 ? status(429, "Retry-After", "1") : ok(body)).handle(exchange, call));
        DownloadPolicy policy = new DownloadPolicy(4, 0, 4, 2, Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(downloader(policy).download(server.url(FILE), "a-1.0.tar.gz", ALL).result()).isEqualTo(body);

        List<DownloadTestServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime())).isGreaterThan(Duration.ofMillis(900));
    }

    @Test
    void retryAfterIsCappedByMaxBackoff() {
        server.route(FILE, status(429, "Retry-After", "3600"));
        downloader(fast(2)); // maxBackoff 50 ms
        long start = System.nanoTime();
        DownloadException e = failure(ALL);

        assertThat(e.getMessage()).isEqualTo("GET " + server.url(FILE) + ": HTTP 429, 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(server.count(FILE)).isEqualTo(2);
    }

    @Test
    void redirectsUnderTheRootAreFollowed() throws IOException {
        byte[] body = bytes(50, 5);
        server.route("/mirror/old/a-1.0.tar.gz", status(301, "Location", "../new/a-1.0.tar.gz"));
        server.route("/mirror/new/a-1.0.tar.gz", ok(body));
        Downloaded<byte[]> done = downloader(fast(1)).download(server.url("/mirror/old/a-1.0.tar.gz"), "a-1.0.tar.gz", ALL);

        assertThat(done.result()).isEqualTo(body);
        assertThat(done.finalUrl()).isEqualTo(server.url("/mirror/new/a-1.0.tar.gz"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OTHER_PORT", "/elsewhere/a-1.0.tar.gz", "/mirror/../elsewhere/a-1.0.tar.gz"})
    void aRedirectOutOfTheRootFailsAtOnceAndNothingIsRequestedThere(String target) {
        try (DownloadTestServer other = new DownloadTestServer()) {
            other.route(FILE, ok(bytes(10, 6)));
            String location = target.equals("OTHER_PORT") ? other.url(FILE).toString() : target;
            server.route(FILE, status(302, "Location", location));
            server.route("/elsewhere/a-1.0.tar.gz", ok(bytes(10, 6)));
            downloader(fast(3));
            DownloadException e = failure(ALL);

            assertThat(e.getMessage()).startsWith("GET " + server.url(FILE) + ": HTTP 302 to '").contains("redirect refused");
            assertThat(e.retryable()).isFalse();
            assertThat(other.requests()).isEmpty();
            assertThat(server.requests()).extracting(DownloadTestServer.Request::path).containsExactly(FILE);
        }
    }

    @Test
    void aRedirectLoopStopsAtMaxRedirects() {
        server.route(FILE, status(302, "Location", "b.tar.gz"));
        server.route("/mirror/b.tar.gz", status(302, "Location", "a-1.0.tar.gz"));
        downloader(fast(3));
        DownloadException e = failure(ALL);

        assertThat(e.getMessage()).endsWith(": more than 5 redirects").startsWith("GET " + server.url(FILE) + " -> ");
        assertThat(e.retryable()).isFalse();
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void aUrlOutsideTheRootIsNeverRequested() {
        server.route("/elsewhere/a-1.0.tar.gz", ok(bytes(10, 7)));
        downloader(fast(3));
        DownloadException e = catchThrowableOfType(
                () -> downloader.download(server.url("/elsewhere/a-1.0.tar.gz"), "a-1.0.tar.gz", ALL), DownloadException.class);

        assertThat(e.getMessage()).startsWith("GET " + server.url("/elsewhere/a-1.0.tar.gz") + ": not under the root");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void htmlByContentTypeForABinaryNameIsRefusedWithoutRetry() {
        server.route(FILE, ok(bytes(100, 8), "Content-Type", "text/html; charset=utf-8"));
        AtomicInteger readerCalls = new AtomicInteger();
        downloader(fast(3));
        DownloadException e = failure(body -> readerCalls.incrementAndGet());

        assertThat(e.getMessage()).isEqualTo("GET " + server.url(FILE)
                + ": HTML page served for a binary file (Content-Type text/html)");
        assertThat(e.retryable()).isFalse();
        assertThat(readerCalls).hasValue(0);
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE html><html><body>Login</body></html>", "\uFEFF \r\n\t<HTML lang=en>", "  <head><title>",
            "<body>not found"})
    void htmlBySniffingForABinaryNameIsRefused(String page) {
        server.route(FILE, ok(page.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/octet-stream"));
        AtomicInteger readerCalls = new AtomicInteger();
        downloader(fast(3));
        DownloadException e = failure(body -> readerCalls.incrementAndGet());

        assertThat(e.getMessage()).startsWith("GET " + server.url(FILE) + ": HTML page served for a binary file (body starts with <");
        assertThat(readerCalls).hasValue(0);
        assertThat(server.count(FILE)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mirror/index.html", "/mirror/a-1.0.tar.gz.asc", "/mirror/README"})
    void htmlIsFineForNamesThatAreNotBinary(String path) throws IOException {
        byte[] page = "<html><body>hello</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.route(path, ok(page, "Content-Type", "text/html"));
        String name = path.substring(path.lastIndexOf('/') + 1);

        assertThat(downloader(fast(1)).download(server.url(path), name, ALL).result()).isEqualTo(page);
    }

    @Test
    void aBinaryBodyShorterThanThePeekIsReadWhole() throws IOException {
        byte[] tiny = {'<', '?', 'x', 'm', 'l'};
        server.route("/mirror/a.sig", ok(tiny));

        Downloaded<byte[]> done = downloader(fast(1)).download(server.url("/mirror/a.sig"), "a.sig", body -> {
            ByteBuffer one = ByteBuffer.allocate(1); // the replayed peek in one-byte slices
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            while (body.read(one.clear()) > 0) {
                out.write(one.get(0));
            }
            return out.toByteArray();
        });
        assertThat(done.result()).isEqualTo(tiny);
        assertThat(done.bytes()).isEqualTo(5);
    }

    @Test
    void aBodyCutShortIsRetriedAndReportedWithItsLength() {
        server.route(FILE, shortBody(bytes(200, 9), 100));
        downloader(fast(2));
        DownloadException e = failure(ALL);

        assertThat(e.getMessage()).startsWith("GET " + server.url(FILE) + ": body ended after 100 of 200 bytes (Content-Length)")
                .endsWith(", 2 attempts");
        assertThat(e.retryable()).isTrue();
        assertThat(server.count(FILE)).isEqualTo(2);
    }

    @Test
    void whatTheReaderLeavesIsDrainedAndCounted() throws IOException {
        byte[] body = bytes(100_000, 10);
        server.route(FILE, ok(body));
        Downloaded<Integer> done = downloader(fast(1)).download(server.url(FILE), "a-1.0.tar.gz",
                channel -> channel.read(ByteBuffer.allocate(10)));

        assertThat(done.result()).isEqualTo(10);
        assertThat(done.bytes()).isEqualTo(body.length);
    }

    @Test
    void aShortBodyFailsEvenWhenTheReaderStopsEarly() {
        server.route(FILE, shortBody(bytes(200_000, 11), 100_000));
        downloader(fast(1));
        DownloadException e = failure(channel -> channel.read(ByteBuffer.allocate(10)));

        assertThat(e.getMessage()).contains("body ended after 100000 of 200000 bytes (Content-Length)");
    }

    @Test
    void aStalledBodyIsAbandonedAfterTheReadTimeoutOnEveryAttempt() {
        byte[] body = bytes(200, 12);
        server.route(FILE, (exchange, call) -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, 100);
            exchange.getResponseBody().flush();
            Thread.sleep(30_000); // interrupted when the server closes
        });
        downloader(fast(2)); // read timeout 1 s
        long start = System.nanoTime();
        DownloadException e = failure(ALL);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(e.getMessage()).isEqualTo("GET " + server.url(FILE)
                + ": body stalled after 100 bytes: no data for 1 s, abandoned (read timeout), 2 attempts");
        assertThat(e.retryable()).isTrue();
        assertThat(server.count(FILE)).isEqualTo(2);
    }

    @Test
    void aSlowReaderIsNotTakenForAStalledServer() throws IOException {
        byte[] body = bytes(1000, 13);
        server.route(FILE, ok(body));
        DownloadPolicy policy = new DownloadPolicy(1, 0, 1, 1, Duration.ZERO, Duration.ZERO, Duration.ofMillis(200));
        Downloaded<byte[]> done = downloader(policy).download(server.url(FILE), "a-1.0.tar.gz", channel -> {
            try {
                Thread.sleep(700); // busy elsewhere for more than the read timeout, with the body waiting
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return ALL.read(channel);
        });
        assertThat(done.result()).isEqualTo(body);
    }

    @Test
    void extraHeadersAreSentButNeverAppearInMessages() {
        String secret = "Bearer s3cr3t-t0ken-value";
        server.route(FILE, status(500));
        server.route("/mirror/html.tar.gz", ok(bytes(10, 14), "Content-Type", "text/html"));
        server.route("/mirror/away.tar.gz", status(302, "Location", "http://127.0.0.2:1/x"));
        HttpFetchSettings settings = HttpFetchSettings.defaults().withHeaders(Map.of("Authorization", secret));
        downloader(fast(2), settings);

        for (String path : List.of(FILE, "/mirror/html.tar.gz", "/mirror/away.tar.gz", "/mirror/missing.tar.gz")) {
            DownloadException e = catchThrowableOfType(() -> downloader.download(server.url(path), "x.tar.gz", ALL),
                    DownloadException.class);
            assertThat(e.getMessage()).as(path).startsWith("GET " + server.url(path)).doesNotContain("s3cr3t");
            assertThat(e.toString()).doesNotContain("s3cr3t");
        }
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).isEqualTo(secret));
    }
}
