package dev.sumlog.source.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket (Bucket4j) per host and port: a request to a host takes one token, waiting while
 * the host's bucket is empty. Buckets start full, so the first {@code burst} requests go at once.
 */
final class HostRateLimiter {

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond requests a second to one host; 0 means no limit */
    HostRateLimiter(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Waits for the turn of a request to {@code url}'s host. */
    void acquire(URI url) throws InterruptedIOException {
        if (perSecond == 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key(url), host -> newBucket());
        try {
            bucket.asBlocking().consume(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("GET " + DownloadMessages.safe(url) + ": interrupted waiting for the rate limit");
        }
    }

    private Bucket newBucket() {
        long refillNanos = Math.max((long) (1e9 / perSecond), 1);
        Bandwidth limit = Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(refillNanos)).build();
        return Bucket.builder().addLimit(limit).build();
    }

    private static String key(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return url.getScheme() + "://" + host + ":" + url.getPort();
    }
}
