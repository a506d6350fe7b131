package dev.sumlog.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * One GET of a file under the root, up to a 200 answer: redirects are followed here, hop by hop, and
 * only when {@link RootScope#redirect} admits the target, so no request (and no Authorization header)
 * ever goes outside the root. Every request, hops included, waits for its host's rate limit.
 */
final class ScopedGet {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /**
     * A 200 answer whose body is yet to be read.
     *
     * @param url    the URL that answered
     * @param prefix the start of messages about it: {@code "GET <url>: "}, or {@code "GET <url> -> <hop>: "}
     * @param body   the body; the caller closes it
     */
    record Answer(URI url, String prefix, HttpHeaders headers, StreamingBody body) {}

    private final RootScope scope;
    private final HttpFetchSettings settings;
    private final HostRateLimiter rates;
    private final Duration readTimeout;
    private final HttpClient client;

    ScopedGet(RootScope scope, HttpFetchSettings settings, HostRateLimiter rates, Duration readTimeout) {
        this.scope = scope;
        this.settings = settings;
        this.rates = rates;
        this.readTimeout = readTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(address -> builder.proxy(ProxySelector.of(address)));
        this.client = builder.build();
    }

    /**
     * GETs {@code start} (already admitted by the scope), following admitted redirects.
     *
     * @throws DownloadException      a status other than 200 (5xx and 429 retryable, with the server's
     *                                Retry-After), a refused redirect, or a network error (retryable)
     * @throws InterruptedIOException when the thread is interrupted
     */
    Answer get(URI start) throws IOException {
        URI current = start;
        for (int hop = 0; ; hop++) {
            String prefix = DownloadMessages.prefix(start, current);
            rates.acquire(current);
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(prefix, current);
            StreamingBody body = StreamingBody.of(response.body(), readTimeout);
            int status = response.statusCode();
            if (status == 200) {
                return new Answer(current, prefix, response.headers(), body);
            }
            body.close(); // an error page or a redirect's body is not wanted
            if (!REDIRECTS.contains(status)) {
                throw DownloadException.status(prefix, status,
                        RetryAfter.parse(response.headers().firstValue("Retry-After"), Clock.systemUTC()).orElse(null));
            }
            current = redirect(prefix, current, status, response.headers().firstValue("Location"), hop);
        }
    }

    private URI redirect(String prefix, URI current, int status, Optional<String> location, int hop) throws DownloadException {
        if (location.isEmpty()) {
            throw new DownloadException(prefix + "HTTP " + status + " without a Location header", false, null);
        }
        if (hop >= settings.maxRedirects()) {
            throw new DownloadException(prefix + "more than " + settings.maxRedirects() + " redirects", false, null);
        }
        Admission next = scope.redirect(current, location.get());
        if (!next.isAdmitted()) {
            throw new DownloadException(prefix + "HTTP " + status + " to '" + OneLine.of(location.get()) + "': "
                    + next.reason(), false, null);
        }
        return next.url();
    }

    /** The client's request timeout covers the wait for the headers only; the body has the read timeout. */
    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(String prefix, URI uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .GET();
        for (Map.Entry<String, String> header : settings.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(prefix + "interrupted");
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw (InterruptedIOException) new InterruptedIOException(prefix + "interrupted").initCause(e);
            }
            // The JDK's messages carry no header values; the class name says what kind of failure it was.
            throw new DownloadException(prefix + DownloadMessages.describe(e), true, e);
        }
    }
}
