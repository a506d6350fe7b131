package dev.sumlog.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves one directory as static files under {@code /<prefix>/} on 127.0.0.1 (ephemeral port), the
 * way a log is published; anything else is 404. Only that directory is reachable: a log's state
 * directory also holds its private key.
 */
final class StaticFileServer implements AutoCloseable {

    private final HttpServer server;
    private final String prefix;

    private StaticFileServer(HttpServer server, String prefix) {
        this.server = server;
        this.prefix = prefix;
    }

    static StaticFileServer serve(Path root, String prefix) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/" + prefix + "/", exchange -> handle(exchange, base, "/" + prefix + "/"));
        server.start();
        return new StaticFileServer(server, prefix);
    }

    /** The log URL, without a trailing slash (the fetcher must add it). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + prefix;
    }

    private static void handle(HttpExchange exchange, Path base, String context) throws IOException {
        try {
            String path = URI.create(exchange.getRequestURI().getRawPath()).getPath().substring(context.length());
            Path file = base.resolve(path).normalize();
            if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(base) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
