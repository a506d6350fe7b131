package dev.sumlog.source.http;

import java.time.Duration;

/**
 * How {@link HttpDownloader} paces, retries and times out downloads.
 *
 * @param concurrency              downloads in flight at once, across all calling threads (one permit
 *                                 covers one attempt: request, redirects and body; none is held during a
 *                                 backoff)
 * @param requestsPerSecondPerHost requests started per second to one host (every attempt and redirect
 *                                 hop counts); 0 means unlimited
 * @param burst                    requests a host may get at once before the rate applies
 * @param attempts                 tries per download, the first included; 1 means no retry
 * @param initialBackoff           wait before the second try; it doubles with each further try
 * @param maxBackoff               the longest wait between tries, a server's Retry-After included
 * @param readTimeout              the longest wait for the next byte of a body; a body that stalls for
 *                                 longer is abandoned (the request timeout of {@link HttpFetchSettings}
 *                                 covers only the wait for the response headers)
 */
public record DownloadPolicy(int concurrency, double requestsPerSecondPerHost, int burst, int attempts,
        Duration initialBackoff, Duration maxBackoff, Duration readTimeout) {

    public DownloadPolicy {
        if (concurrency < 1 || burst < 1 || attempts < 1) {
            throw new IllegalArgumentException("concurrency, burst and attempts must be at least 1: concurrency="
                    + concurrency + ", burst=" + burst + ", attempts=" + attempts);
        }
        if (!(requestsPerSecondPerHost >= 0) || Double.isInfinite(requestsPerSecondPerHost)) {
            throw new IllegalArgumentException("requestsPerSecondPerHost must be finite and not negative: "
                    + requestsPerSecondPerHost);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initialBackoff <= maxBackoff: "
                    + initialBackoff + ", " + maxBackoff);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
    }

    /** Four downloads at once, 5 requests a second per host (burst 4), 4 tries 1 s to 30 s apart, 60 s read timeout. */
    public static DownloadPolicy defaults() {
        return new DownloadPolicy(4, 5, 4, 4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The wait before try {@code next} (2 for the first retry): initialBackoff doubled per further try, capped. */
    Duration backoffBefore(int next) {
        Duration wait = initialBackoff;
        for (int i = 2; i < next && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
