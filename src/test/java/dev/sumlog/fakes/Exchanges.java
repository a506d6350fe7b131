package dev.sumlog.fakes;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Response helpers shared by the fake logs' handlers. */
final class Exchanges {

    /** What nginx in front of rekor.sigstore.dev answers when it rate-limits. */
    private static final String NGINX_429 = "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n"
            + "<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    /** A response step that may fail with an IOException. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    private Exchanges() {
    }

    static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.write(body));
    }

    static void text(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** v1 style error: {@code {"code":N,"message":"..."}}. */
    static void v1Error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("code", status, "message", message));
    }

    /** v2 style (grpc-gateway) error: {@code {"code":<grpc code>,"message":"...","details":[]}}. */
    static void grpcError(HttpExchange exchange, int status, int grpcCode, String message) throws IOException {
        json(exchange, status, Map.of("code", grpcCode, "message", message, "details", List.of()));
    }

    /** An injected status: 429 as the nginx edge sends it, anything else as {@code errorBody}. */
    static void faultStatus(HttpExchange exchange, Fault fault, IoAction errorBody) throws IOException {
        fault.retryAfterSeconds().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", Long.toString(s)));
        if (fault.status() == 429) {
            text(exchange, 429, "text/html", NGINX_429);
        } else {
            errorBody.run();
        }
    }

    /**
     * Drops the connection without a response. The JDK server closes the socket when an
     * exchange is closed before its headers were sent, so the client sees an IOException.
     */
    static void reset(HttpExchange exchange) {
        exchange.close();
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
