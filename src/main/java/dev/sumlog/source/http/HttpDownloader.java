package dev.sumlog.source.http;

import dev.sumlog.support.ThrottledNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

/**
 * Downloads files under a crawl root with the JDK HttpClient, streaming each body to a
 * {@link BodyReader} and checking it on the way; thread-safe, meant to be shared by all downloading
 * threads.
 *
 * <p>Invariants:
 * <ul>
 * <li><b>No request leaves the root.</b> The URL asked for and every redirect target must pass
 * {@link RootScope}; a redirect out of it fails the download before anything is sent there (nor is
 * the Authorization header, then).</li>
 * <li><b>A retry re-reads from byte 0.</b> Each attempt calls the reader afresh with a new body; the
 * reader must not carry state over from an attempt that failed.</li>
 * <li><b>Only a whole, checked 200 body succeeds:</b> its length matches Content-Length, it never
 * stalled for longer than {@link DownloadPolicy#readTimeout()}, and for a binary file name it is not
 * an HTML page. The body streams: besides the reader's own buffers, only a peek of at most 1 KiB and
 * a few network buffers are held, and nothing is written to disk.</li>
 * <li><b>Secrets never appear in messages:</b> request header values (from
 * {@link HttpFetchSettings#headers()}) are sent but never quoted, and URL user info is masked.</li>
 * <li>At most {@link DownloadPolicy#concurrency()} attempts run at once; requests to one host are
 * paced by a token bucket.</li>
 * </ul>
 *
 * <p>Retried: network errors, stalls, short or long bodies, HTTP 5xx and 429 (after the server's
 * Retry-After, capped by {@link DownloadPolicy#maxBackoff()}). Not retried: other statuses, refused
 * redirects, HTML for a binary file, an interrupt, and the reader's own exceptions, which propagate
 * unchanged. A body the reader leaves unread is drained, so its length is still checked.
 */
public final class HttpDownloader implements AutoCloseable {

    private final RootScope scope;
    private final DownloadPolicy policy;
    private final ScopedGet get;
    private final Semaphore permits;
    private volatile boolean closed;

    public HttpDownloader(RootScope scope, HttpFetchSettings settings, DownloadPolicy policy) {
        this(scope, settings, policy, ThrottledNotice.silent());
    }

    /** @param rateWaits hears when a request waits for its host's rate limit (a line at most every few seconds) */
    public HttpDownloader(RootScope scope, HttpFetchSettings settings, DownloadPolicy policy, ThrottledNotice rateWaits) {
        this.scope = scope;
        this.policy = policy;
        this.get = new ScopedGet(scope, settings,
                new HostRateLimiter(policy.requestsPerSecondPerHost(), policy.burst(), rateWaits), policy.readTimeout());
        this.permits = new Semaphore(policy.concurrency(), true);
    }

    /** Reads one response body; called once per attempt, each time with a body that starts at byte 0. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(ReadableByteChannel body) throws IOException;
    }

    /**
     * GETs url and hands the body to reader as a ReadableByteChannel. The reader is called once per
     * attempt and must start its state afresh on each call (a retry re-reads from byte 0). Returns once
     * a full body was read and checked.
     *
     * @param url      a file under the root
     * @param fileName the artifact's file name (for the HTML-for-binary check)
     * @throws DownloadException      with a one-line message naming the URL, never a header value
     * @throws InterruptedIOException when the calling thread is interrupted (its flag stays set)
     * @throws IOException            the reader's own exception, unchanged
     */
    public <T> Downloaded<T> download(URI url, String fileName, BodyReader<T> reader) throws IOException {
        if (closed) {
            throw new IllegalStateException("downloader is closed");
        }
        Admission admission = scope.admit(url);
        if (!admission.isAdmitted()) {
            throw new DownloadException("GET " + DownloadMessages.safe(url) + ": not under the root " + scope.root() + ": "
                    + admission.reason(), false, null);
        }
        URI start = admission.url();
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(start, fileName, reader);
            } catch (DownloadException e) {
                if (!e.retryable() || attempt >= policy.attempts()) {
                    throw attempt == 1 ? e : e.afterAttempts(attempt);
                }
                Duration wait = e.retryAfter().map(after -> after.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : after)
                        .orElse(policy.backoffBefore(attempt + 1));
                sleep(start, wait);
            }
        }
    }

    /** One try, holding a download slot for the request, its redirects and the body; none during backoff. */
    private <T> Downloaded<T> attempt(URI start, String fileName, BodyReader<T> reader) throws IOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(DownloadMessages.prefix(start, start) + "interrupted waiting for a download slot");
        }
        try {
            ScopedGet.Answer answer = get.get(start);
            try (InputStream body = answer.body()) {
                return read(answer, body, fileName, reader);
            }
        } finally {
            permits.release();
        }
    }

    private <T> Downloaded<T> read(ScopedGet.Answer answer, InputStream body, String fileName, BodyReader<T> reader)
            throws IOException {
        HttpHeaders headers = answer.headers();
        OptionalLong length = headers.firstValueAsLong("Content-Length");
        BodyChannel channel = new BodyChannel(body, answer.prefix(), length, policy.readTimeout());
        if (HtmlForBinary.isBinaryName(fileName)) {
            Optional<String> html = HtmlForBinary.byContentType(headers.firstValue("Content-Type").orElse(""));
            if (html.isEmpty()) {
                html = HtmlForBinary.byFirstBytes(channel.peek(HtmlForBinary.PEEK), channel.peekLength());
            }
            if (html.isPresent()) {
                throw new DownloadException(answer.prefix() + "HTML page served for a binary file (" + html.get() + ")", false, null);
            }
        }
        T result;
        try {
            result = reader.read(channel);
        } catch (IOException | RuntimeException e) {
            // The body's failure decides, however the reader passed it on; the reader's own exceptions propagate as they are.
            if (channel.failure() != null) {
                throw channel.failure();
            }
            throw e;
        }
        channel.drain(); // also rethrows a failure the reader swallowed
        return new Downloaded<>(result, channel.received(), headers.firstValue("ETag"), headers.firstValue("Last-Modified"),
                length, answer.url());
    }

    private static void sleep(URI url, Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + DownloadMessages.safe(url) + ": interrupted waiting to retry");
        }
    }

    /**
     * Refuses further downloads; those in progress finish. (JDK 17's HttpClient has no close: its
     * threads end once it is unreachable.)
     */
    @Override
    public void close() {
        closed = true;
    }
}
