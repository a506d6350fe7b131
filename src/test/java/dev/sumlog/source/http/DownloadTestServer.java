package dev.sumlog.source.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HttpServer on 127.0.0.1 for download tests: a handler per exact path, a thread per request
 * (so slow answers overlap), and a log of every request. Closing interrupts handlers still sleeping,
 * so a stalled answer never outlives its test.
 */
final class DownloadTestServer implements AutoCloseable {

    /** Answers one request; {@code call} counts the requests to this path, from 1. */
    @FunctionalInterface
    interface Route {
        void handle(HttpExchange exchange, int call) throws IOException, InterruptedException;
    }

    record Request(String path, String authorization, long nanoTime) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());

    DownloadTestServer() {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "download-test-server-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1", e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    DownloadTestServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request, in arrival order. */
    List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    int count(String path) {
        return (int) requests().stream().filter(r -> r.path().equals(path)).count();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        log.add(new Request(path, exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
        int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                route.handle(exchange, call);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away or the route cut the body short on purpose
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // Answers used by the tests.

    static Route ok(byte[] body, String... headers) {
        return (exchange, call) -> send(exchange, 200, body, headers);
    }

    static Route status(int status, String... headers) {
        return (exchange, call) -> send(exchange, status, new byte[0], headers);
    }

    /** Declares the whole length, sends {@code sent} bytes, then ends the connection. */
    static Route shortBody(byte[] body, int sent) {
        return (exchange, call) -> {
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            throw new IOException("cut short on purpose"); // closing the exchange now drops the connection
        };
    }

    static void send(HttpExchange exchange, int status, byte[] body, String... headers) throws IOException {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Seeded pseudo-random bytes, as an archive's content would look. */
    static byte[] bytes(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }
}
