package dev.sumlog.source.http;

import static dev.sumlog.source.http.DownloadTestServer.bytes;
import static dev.sumlog.source.http.DownloadTestServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Concurrency, per-host rate and network failures below HTTP. */
class HttpDownloaderPacingTest {

    static final String FILE = "/mirror/a-1.0.tar.gz";

    @Test
    void eightCallersWithConcurrencyTwoNeverHaveMoreThanTwoBodiesInFlight() throws Exception {
        byte[] body = bytes(2000, 1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (DownloadTestServer server = new DownloadTestServer();
                HttpDownloader downloader = new HttpDownloader(new RootScope(server.url("/mirror/")), HttpFetchSettings.defaults(),
                        new DownloadPolicy(2, 0, 1, 1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10)))) {
            server.route(FILE, (exchange, call) -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                exchange.sendResponseHeaders(200, body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, 1000);
                out.flush();
                Thread.sleep(200);
                inFlight.decrementAndGet(); // before the last byte: the client cannot have finished yet
                out.write(body, 1000, 1000);
            });
            List<Future<Downloaded<byte[]>>> downloads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                downloads.add(callers.submit(() -> downloader.download(server.url(FILE), "a-1.0.tar.gz", HttpDownloaderTest.ALL)));
            }
            for (Future<Downloaded<byte[]>> download : downloads) {
                assertThat(download.get().result()).isEqualTo(body);
            }
            assertThat(server.count(FILE)).isEqualTo(8);
        } finally {
            callers.shutdownNow();
        }
        assertThat(most).hasValue(2);
    }

    @Test
    void requestsToOneHostKeepToTheRateAfterTheBurst() throws IOException {
        try (DownloadTestServer server = new DownloadTestServer();
                HttpDownloader downloader = new HttpDownloader(new RootScope(server.url("/mirror/")), HttpFetchSettings.defaults(),
                        new DownloadPolicy(4, 5, 1, 1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10)))) {
            server.route(FILE, ok(bytes(10, 2)));
            for (int i = 0; i < 4; i++) {
                downloader.download(server.url(FILE), "a-1.0.tar.gz", HttpDownloaderTest.ALL);
            }
            List<DownloadTestServer.Request> requests = server.requests();
            // 5 a second with a burst of 1: three waits of 200 ms after the first request.
            assertThat(Duration.ofNanos(requests.get(3).nanoTime() - requests.get(0).nanoTime())).isGreaterThan(Duration.ofMillis(500));
        }
    }

    @Test
    void connectionsDroppedBeforeAnAnswerAreRetried() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (RawServer raw = new RawServer(socket -> accepted.incrementAndGet());
                HttpDownloader downloader = new HttpDownloader(new RootScope(raw.url("/mirror/")), HttpFetchSettings.defaults(),
                        new DownloadPolicy(1, 0, 1, 3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))) {
            DownloadException e = Assertions.catchThrowableOfType(
                    () -> downloader.download(raw.url(FILE), "a-1.0.tar.gz", HttpDownloaderTest.ALL), DownloadException.class);

            assertThat(e.getMessage()).startsWith("GET " + raw.url(FILE) + ": ").endsWith(", 3 attempts");
            assertThat(e.retryable()).isTrue();
            assertThat(accepted.get()).isGreaterThanOrEqualTo(3); // the JDK may retry a dropped GET once itself
        }
    }

    @Test
    void aChunkedBodyCutShortIsABrokenBody() throws Exception {
        try (RawServer raw = new RawServer(socket -> {
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n64\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[50]); // of a 100-byte chunk, and no last chunk
                    out.flush();
                });
                HttpDownloader downloader = new HttpDownloader(new RootScope(raw.url("/mirror/")), HttpFetchSettings.defaults(),
                        new DownloadPolicy(1, 0, 1, 1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)))) {
            DownloadException e = Assertions.catchThrowableOfType(
                    () -> downloader.download(raw.url("/mirror/a.bin"), "a.bin", HttpDownloaderTest.ALL), DownloadException.class);

            assertThat(e.getMessage()).matches("GET " + raw.url("/mirror/a.bin") + ": body ended after (0|50) bytes: .+");
            assertThat(e.retryable()).isTrue();
        }
    }

    /** A socket server on 127.0.0.1 that reads a request's head, lets {@code answer} write raw bytes, and hangs up. */
    static final class RawServer implements AutoCloseable {

        interface Answer {
            void write(Socket socket) throws IOException;
        }

        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread acceptor;

        RawServer(Answer answer) throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        readHead(client.getInputStream());
                        answer.write(client);
                    } catch (IOException e) {
                        // closed by the test, or the client hung up
                    }
                }
            }, "raw-http-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI url(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                if (matched == 4) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(5000);
        }
    }
}
