package dev.sumlog.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * Fetches listing pages with the JDK HttpClient. Redirects are followed here, hop by hop, and only
 * when {@link RootScope#redirect} admits the target, so a server cannot send the crawl (or its
 * Authorization header) anywhere outside the root.
 *
 * <p>Messages name the URL and never a header value: extra headers may carry credentials.
 */
public final class HttpPageFetcher implements PageFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final RootScope scope;
    private final HttpFetchSettings settings;
    private final HttpClient client;

    public HttpPageFetcher(RootScope scope, HttpFetchSettings settings) {
        this.scope = scope;
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(address -> builder.proxy(ProxySelector.of(address)));
        this.client = builder.build();
    }

    @Override
    public Page fetch(URI url) throws IOException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(current);
            // The request timeout covers the headers only; a body that stalls is abandoned after the same time.
            try (InputStream body = StreamingBody.of(response.body(), settings.requestTimeout())) {
                int status = response.statusCode();
                if (!REDIRECTS.contains(status)) {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    return new Page(url, current, status, type, status == 200 ? read(current, response, body) : new byte[0]);
                }
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new IOException("GET " + current + ": HTTP " + status + " without a Location header");
                }
                if (hop >= settings.maxRedirects()) {
                    throw new IOException("GET " + url + ": more than " + settings.maxRedirects() + " redirects");
                }
                Admission next = scope.redirect(current, location);
                if (!next.isAdmitted()) {
                    throw new IOException("GET " + current + ": HTTP " + status + " to '" + OneLine.of(location) + "': "
                            + next.reason());
                }
                current = next.url();
            }
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(URI uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html, application/json;q=0.9, */*;q=0.5")
                .GET();
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + uri + " interrupted");
        } catch (IOException e) {
            // The JDK's messages carry no header values; the class name says what kind of failure it was.
            throw new IOException("GET " + uri + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + OneLine.of(e.getMessage())), e);
        }
    }

    private byte[] read(URI uri, HttpResponse<?> response, InputStream body) throws IOException {
        int max = settings.maxBodyBytes();
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > max) {
            throw new IOException("GET " + uri + ": listing of " + declared + " bytes is over the " + max + "-byte cap");
        }
        byte[] data;
        try {
            data = body.readNBytes(max + 1);
        } catch (IOException e) {
            throw new IOException("GET " + uri + ": listing body: " + DownloadMessages.describe(e), e);
        }
        if (data.length > max) {
            throw new IOException("GET " + uri + ": listing is over the " + max + "-byte cap");
        }
        return data;
    }
}
