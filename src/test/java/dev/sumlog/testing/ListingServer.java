package dev.sumlog.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * A JDK HttpServer on 127.0.0.1 that serves a directory tree under {@value #PREFIX} as Apache or nginx
 * index listings ({@link Style}), files with Content-Length, and optional hostile extras
 * ({@link Hostility}). Every request is logged, so tests can assert that nothing outside the root was
 * asked for. Like both servers' defaults, dotfiles are not listed (Apache {@code IndexIgnore .??*},
 * nginx autoindex skips them) though they are served when asked for by name.
 */
public final class ListingServer implements AutoCloseable {

    public static final String PREFIX = "/mirror/";

    public enum Style { APACHE_FANCY, APACHE_PLAIN, APACHE_TABLE, NGINX_HTML, NGINX_JSON }

    /** Hostile extras on the root listing (and, for {@link #SELF_LOOP}, a virtual directory). */
    public enum Hostility {
        /** Links to other hosts, schemes and ports, with user info, scheme-relative. */
        OTHER_HOSTS,
        /** {@code ../../etc/passwd}, {@code %2e%2e}, backslashes, {@code //}, absolute paths out of the root. */
        ESCAPES,
        /** Sort links, query strings and fragments. */
        QUERY_LINKS,
        /** Links to the listing itself, and {@code loop/} whose listing holds {@code loop/} forever (a symlink loop). */
        SELF_LOOP,
        /** 10,000 extra file links on the root listing. */
        MANY_LINKS,
        /** {@code away/} and {@code offsite/} redirect out of the root; {@code alias/} redirects inside it. */
        REDIRECTS,
        /**
         * Downloads gone wrong, listed on the root: {@code html-1.0.tar.gz} is an HTML page,
         * {@code short-1.0.tar.gz} ends before its Content-Length, {@code stall-1.0.tar.gz} stops sending
         * mid-body (until the server closes), {@code moved-1.0.tar.gz} redirects out of the root.
         */
        BAD_DOWNLOADS
    }

    /** The files {@link Hostility#BAD_DOWNLOADS} lists, each served wrong. */
    public static final List<String> BAD_FILES = List.of("html-1.0.tar.gz", "moved-1.0.tar.gz", "short-1.0.tar.gz",
            "stall-1.0.tar.gz");

    /** One request as the server saw it. */
    public record Request(String method, String rawPath, String host, String authorization) {}

    public static final int MANY = 10_000;

    private final Path tree;
    private final Style style;
    private final Set<Hostility> hostile;
    private final HttpServer server;
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "listing-server");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger fileGets = new AtomicInteger();
    private volatile int hangAfterFiles = Integer.MAX_VALUE;
    private final CountDownLatch hanging = new CountDownLatch(1);

    public ListingServer(Path tree, Style style, Set<Hostility> hostile) {
        this.tree = tree.toAbsolutePath().normalize();
        this.style = style;
        this.hostile = hostile.isEmpty() ? EnumSet.noneOf(Hostility.class) : EnumSet.copyOf(hostile);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(handlers); // a stalled body must not hold up every other request
        server.start();
    }

    public ListingServer(Path tree, Style style) {
        this(tree, style, Set.of());
    }

    /** {@code http://127.0.0.1:PORT/mirror/}. */
    public URI root() {
        return URI.create(origin() + PREFIX);
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received so far, in order. */
    public List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * From now on, the file GET after the next {@code files} ones sends half its body and then hangs
     * until the server closes: a download a test can kill the client in the middle of.
     */
    public void hangAfterFiles(int files) {
        hangAfterFiles = fileGets.get() + files;
    }

    /** Waits until a download hangs as {@link #hangAfterFiles} asked. */
    public boolean awaitHanging(Duration timeout) throws InterruptedException {
        return hanging.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** GETs of files (not listings) answered so far, by raw path. */
    public List<String> fileGets() {
        return requests().stream().filter(r -> r.method().equals("GET") && !r.rawPath().endsWith("/"))
                .map(Request::rawPath).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            log.add(new Request(exchange.getRequestMethod(), raw, exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (!raw.startsWith(PREFIX)) {
                send(exchange, raw.startsWith("/outside/") ? 200 : 404, "text/plain", "outside the mirror\n".getBytes());
                return;
            }
            String relative = decode(raw.substring(PREFIX.length()));
            if (serveHostileExtra(exchange, relative) || serveBadDownload(exchange, relative)) {
                return;
            }
            Path file = tree.resolve(relative).normalize();
            if (!file.startsWith(tree) || !Files.exists(file)) {
                send(exchange, 404, "text/plain", "not found\n".getBytes());
            } else if (Files.isDirectory(file) && !raw.endsWith("/")) {
                redirect(exchange, 301, raw + "/"); // what mod_dir and nginx do for a directory without '/'
            } else if (Files.isDirectory(file)) {
                List<ListingPages.Row> rows = rows(file);
                if (relative.isEmpty()) {
                    rows.addAll(HostileRows.forRoot(hostile, style, origin(), server.getAddress().getPort()));
                }
                sendListing(exchange, raw, rows);
            } else {
                sendFile(exchange, file);
            }
        }
    }

    private boolean serveHostileExtra(HttpExchange exchange, String relative) throws IOException {
        if (hostile.contains(Hostility.SELF_LOOP) && (relative + "/").startsWith("loop/")) {
            if (!relative.endsWith("/")) {
                redirect(exchange, 301, exchange.getRequestURI().getRawPath() + "/");
            } else {
                sendListing(exchange, exchange.getRequestURI().getRawPath(), new ArrayList<>(List.of(
                        HostileRows.dir("loop", "loop/"), HostileRows.dir(".", "./"))));
            }
            return true;
        }
        if (!hostile.contains(Hostility.REDIRECTS)) {
            return false;
        }
        switch (relative) {
            case "away/" -> redirect(exchange, 302, "/outside/");
            case "offsite/" -> redirect(exchange, 302, "http://localhost:" + server.getAddress().getPort() + PREFIX);
            case "alias/" -> redirect(exchange, 301, PREFIX + "openstack/");
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean serveBadDownload(HttpExchange exchange, String relative) throws IOException {
        if (!hostile.contains(Hostility.BAD_DOWNLOADS) || !BAD_FILES.contains(relative)) {
            return false;
        }
        byte[] half = new byte[64 * 1024];
        switch (relative) {
            case "html-1.0.tar.gz" -> send(exchange, 200, "text/html", "<!DOCTYPE html><html><body>Login</body></html>\n"
                    .getBytes(StandardCharsets.UTF_8));
            case "moved-1.0.tar.gz" -> redirect(exchange, 302, "/outside/moved-1.0.tar.gz");
            case "short-1.0.tar.gz" -> {
                exchange.getResponseHeaders().set("Content-Type", "application/gzip");
                exchange.sendResponseHeaders(200, 2L * half.length);
                exchange.getResponseBody().write(half);
                exchange.getResponseBody().flush(); // the exchange closes next: the body ends early
            }
            default -> {
                exchange.getResponseHeaders().set("Content-Type", "application/gzip");
                exchange.sendResponseHeaders(200, 2L * half.length);
                exchange.getResponseBody().write(half);
                exchange.getResponseBody().flush();
                awaitClosing();
            }
        }
        return true;
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ListingPages.Row> rows(Path dir) throws IOException {
        List<ListingPages.Row> rows = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                boolean directory = Files.isDirectory(child);
                rows.add(new ListingPages.Row(name, href(name) + (directory ? "/" : ""), directory,
                        directory ? 0 : Files.size(child), Files.getLastModifiedTime(child).toInstant()));
            }
        }
        if (style == Style.NGINX_HTML || style == Style.NGINX_JSON) { // nginx lists directories first
            rows.sort((a, b) -> a.directory() == b.directory() ? a.name().compareTo(b.name()) : a.directory() ? -1 : 1);
        }
        return rows;
    }

    /** Apache leaves {@code $-_.+!*'(),:@&=~} as they are; nginx also encodes '+' (as %2B). */
    private String href(String name) {
        String keep = style.name().startsWith("APACHE") ? "$-_.+!*'(),:@&=~" : "$-_.!*'(),:@&=~";
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    private void sendListing(HttpExchange exchange, String rawPath, List<ListingPages.Row> rows) throws IOException {
        String path = decode(rawPath);
        String parent = rawPath.equals("/") ? null : rawPath.substring(0, rawPath.lastIndexOf('/', rawPath.length() - 2) + 1);
        String type = style == Style.NGINX_JSON ? "application/json" : style.name().startsWith("APACHE")
                ? "text/html;charset=UTF-8" : "text/html";
        send(exchange, 200, type, ListingPages.render(style, path, parent, rows));
    }

    private void sendFile(HttpExchange exchange, Path file) throws IOException {
        long size = Files.size(file);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("ETag", "\"" + Long.toHexString(size) + "-"
                + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "\"");
        exchange.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Files.getLastModifiedTime(file).toInstant().atZone(ZoneOffset.UTC)));
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size);
        try (OutputStream out = exchange.getResponseBody()) {
            if (fileGets.incrementAndGet() > hangAfterFiles && hanging.getCount() > 0) {
                byte[] bytes = Files.readAllBytes(file);
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                hanging.countDown();
                awaitClosing();
                return;
            }
            Files.copy(file, out);
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Path decoding: a literal '+' stays '+' (URLDecoder alone is form decoding). */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
