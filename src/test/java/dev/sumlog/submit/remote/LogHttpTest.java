package dev.sumlog.submit.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sumlog.submit.TransientLogException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each answer of a remote log becomes, against a real HTTP server on 127.0.0.1. */
class LogHttpTest {

    HttpServer server;
    URI base;
    final LogHttp http = new LogHttp(Duration.ofMillis(800));

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/status/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            int status = Integer.parseInt(parts[2]);
            if (parts.length > 3) {
                exchange.getResponseHeaders().add("Retry-After", parts[3]);
            }
            byte[] body = "{\"code\":%d,\"message\":\"bad signature\\nsecond line\"}".formatted(status)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('{');
            out.flush();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (java.io.IOException clientHungUp) {
                // expected: the client cancels past its cap
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void backPressureIsTransientWithTheServersRetryAfter() {
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/429/7")), base, 201))
                .isInstanceOfSatisfying(TransientLogException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)))
                .hasMessageContaining("HTTP 429");
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/503")), base, 201))
                .isInstanceOfSatisfying(TransientLogException.class, e -> assertThat(e.retryAfter()).isEmpty());
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/502")), base, 201))
                .isInstanceOf(TransientLogException.class);
    }

    @Test
    void aRejectionAFrozenLogAndAnythingElseArePermanentOneLineMessages() {
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/400")), base, 201))
                .isInstanceOf(RejectedException.class)
                .hasMessage("rejected by " + base + ": HTTP 400: bad signature\\nsecond line");
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/405")), base, 201))
                .isInstanceOf(FrozenLogException.class);
        assertThatThrownBy(() -> LogHttp.expect(http.get(base.resolve("/status/302")), base, 201))
                .isInstanceOf(RejectedException.class).hasMessageStartingWith("unexpected answer from " + base + ": HTTP 302");
    }

    @Test
    void aServerThatStallsAfterItsHeadersIsAbandonedAtTheTimeout() {
        assertThatThrownBy(() -> http.get(base.resolve("/stall"))).isInstanceOf(TransientLogException.class)
                .hasMessageContaining("no answer within");
    }

    @Test
    void aBodyOverTheCapIsRefusedUnread() {
        assertThatThrownBy(() -> new LogHttp(Duration.ofSeconds(10)).get(base.resolve("/huge")))
                .isInstanceOf(RejectedException.class).hasMessageContaining("answer over 1048576 bytes");
    }

    @Test
    void nobodyListeningIsTransient() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> http.get(base.resolve("/status/201"))).isInstanceOf(TransientLogException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(LogHttp.parseRetryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(LogHttp.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(LogHttp.parseRetryAfter("soon")).isEmpty();
        assertThat(LogHttp.parseRetryAfter("-3")).isEmpty();
    }
}
