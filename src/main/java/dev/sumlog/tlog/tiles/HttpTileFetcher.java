package dev.sumlog.tlog.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a published log over HTTP(S): GET {@code <prefix>/<path>}. 404 means "not there";
 * any other non-200 status is an error. Entry bundles may come gzip-encoded without
 * negotiation (the tlog-tiles spec allows it), so gzip bodies are inflated here.
 */
public final class HttpTileFetcher implements TileFetcher {

    /**
     * The largest file a tile log serves is a full entry bundle: 256 entries of at most 64 KiB with
     * their length prefixes. Anything larger, or a gzip body inflating past it, is refused rather
     * than read into memory from an untrusted server.
     */
    static final int MAX_BODY = 256 * (2 + 65_535);

    private final String prefix;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param prefix the log prefix URL, e.g. {@code https://log2025-1.rekor.sigstore.dev}
     * @param client shared client (redirects, proxy and TLS are the caller's choice)
     * @param timeout per-request timeout
     */
    public HttpTileFetcher(URI prefix, HttpClient client, Duration timeout) {
        String p = prefix.toString();
        this.prefix = p.endsWith("/") ? p : p + "/";
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public Optional<byte[]> fetch(String path) throws IOException {
        URI uri = URI.create(prefix + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept-Encoding", "gzip, identity")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + uri + " interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
            }
            boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
            try (InputStream in = gzip ? new GZIPInputStream(body) : body) {
                byte[] data = in.readNBytes(MAX_BODY + 1);
                if (data.length > MAX_BODY) {
                    throw new IOException("GET " + uri + ": response larger than " + MAX_BODY + " bytes");
                }
                return Optional.of(data);
            }
        }
    }
}
