package dev.sumlog.submit.remote;

import dev.sumlog.submit.RateLimiter;
import dev.sumlog.submit.Retrier;
import dev.sumlog.submit.SubmitPolicy;
import dev.sumlog.submit.TransientLogException;
import dev.sumlog.support.ThrottledNotice;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends requests to one remote log, {@code concurrency} in flight at once, every request (retries
 * included) taking a token from the log's bucket first. With a slow log (Rekor v2 answers only once a
 * checkpoint covers the entry), throughput is then the configured rate, not rate divided by latency.
 * The bucket starts empty, so the rate also holds across a restart.
 */
public final class Uploads implements AutoCloseable {

    private final RemoteLog log;
    private final RateLimiter limiter;
    private final Retrier retrier;
    private final int concurrency;
    private final ExecutorService pool;
    private final PrintStream console;
    /** Uploads wait for a token all the time at the rate: a line every few seconds says so, never one per upload. */
    private final ThrottledNotice rateWaits;
    /** Set by the first 405: requests still queued are not sent to a frozen log. */
    private volatile FrozenLogException frozen;
    /** System.nanoTime() before which no upload starts (a server's Retry-After); in the past when none. */
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    /** What became of one request: exactly one of the two is set. */
    public record Outcome(RemoteLog.Accepted accepted, IOException failure) {
    }

    public Uploads(RemoteLog log, SubmitPolicy policy, int concurrency, PrintStream console) {
        this(log, RateLimiter.startingEmpty(policy), new Retrier(policy), concurrency, console);
    }

    Uploads(RemoteLog log, RateLimiter limiter, Retrier retrier, int concurrency, PrintStream console) {
        this.log = log;
        this.limiter = limiter;
        this.retrier = retrier;
        this.concurrency = concurrency;
        this.console = console;
        this.rateWaits = new ThrottledNotice(console::println, ThrottledNotice.EVERY);
        this.pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "sumlog-upload");
            t.setDaemon(true);
            return t;
        });
    }

    public int concurrency() {
        return concurrency;
    }

    /** Sends every request; returns their outcomes in the same order. */
    public List<Outcome> send(List<String> requests) throws InterruptedException {
        return await(start(requests));
    }

    /**
     * Starts sending; the requests go out in order as tokens and upload slots allow, while the
     * caller does other work (records the page before, reads the next one).
     */
    public List<Future<Outcome>> start(List<String> requests) {
        List<Future<Outcome>> futures = new ArrayList<>(requests.size());
        for (String request : requests) {
            futures.add(pool.submit(() -> sendOne(request)));
        }
        return futures;
    }

    /** The outcomes of started requests, in their order. */
    public static List<Outcome> await(List<Future<Outcome>> futures) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>(futures.size());
        for (Future<Outcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                outcomes.add(new Outcome(null, cause instanceof IOException io ? io
                        : new IOException("unexpected failure: " + cause, cause)));
            }
        }
        return outcomes;
    }

    private Outcome sendOne(String request) throws InterruptedException {
        if (frozen != null) {
            return new Outcome(null, frozen);
        }
        try {
            RemoteLog.Accepted accepted = retrier.run(() -> {
                try {
                    awaitPause();
                    limiter.acquire(1, wait -> rateWaits.offer(() -> "  submit to " + log.id()
                            + ": waiting for the rate limit (" + ThrottledNotice.rate(limiter.ratePerSecond()) + ")"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the rate limit of " + log.id());
                }
                try {
                    return log.submit(request);
                } catch (TransientLogException e) {
                    e.retryAfter().ifPresent(this::pauseFor);
                    throw e;
                }
            }, message -> console.println("  submit to " + log.id() + ": " + message));
            return new Outcome(accepted, null);
        } catch (FrozenLogException e) {
            frozen = e;
            return new Outcome(null, e);
        } catch (IOException e) {
            return new Outcome(null, e);
        }
    }

    /**
     * A Retry-After holds every upload to this log, not only the one that heard it: the server asked
     * the client, not one request, to wait.
     */
    private void pauseFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        pausedUntil.accumulateAndGet(until, Math::max);
    }

    private void awaitPause() throws InterruptedException {
        long left;
        while ((left = pausedUntil.get() - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
