package dev.sumlog.source.http;

import dev.sumlog.support.ThrottledNotice;
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
 * Waiting is never silent: a request about to wait offers a line to the notice ("waiting for the rate
 * limit of host h (5/s)"), which prints it at most once per interval, never once per request.
 */
final class HostRateLimiter {

    private final double perSecond;
    private final int burst;
    private final ThrottledNotice waits;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond requests a second to one host; 0 means no limit
     * @param waits     hears of a request that must wait for its turn
     */
    HostRateLimiter(double perSecond, int burst, ThrottledNotice waits) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.waits = waits;
    }

    /** Waits for the turn of a request to {@code url}'s host. */
    void acquire(URI url) throws InterruptedIOException {
        if (perSecond == 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(key(url), host -> newBucket());
        if (bucket.tryConsume(1)) {
            return;
        }
        waits.offer(() -> "waiting for the rate limit of host " + hostAndPort(url) + " ("
                + ThrottledNotice.rate(perSecond) + ")");
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

    /** Host names only: user info, path and query never appear in the line. */
    private static String hostAndPort(URI url) {
        String host = url.getHost() == null ? "?" : url.getHost();
        return url.getPort() < 0 ? host : host + ":" + url.getPort();
    }

    private static String key(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return url.getScheme() + "://" + host + ":" + url.getPort();
    }
}
