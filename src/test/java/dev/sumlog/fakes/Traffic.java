package dev.sumlog.fakes;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What reached a fake log, for assertions: the arrival time of every POST
 * ({@link System#nanoTime()}, taken before any fault or latency, so that rate limits can be
 * measured from the server's side) and counters. Thread-safe.
 */
public final class Traffic {

    private final ConcurrentLinkedQueue<Long> postArrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger appended = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** Number of POSTs received, faulted ones included. */
    public int posts() {
        return postArrivals.size();
    }

    /** Arrival times of the POSTs, in arrival order (nanoTime). */
    public List<Long> postArrivalNanos() {
        return List.copyOf(postArrivals);
    }

    /** Entries appended to the log by POSTs (decoys of {@link Fault#foreignBody()} included). */
    public int appended() {
        return appended.get();
    }

    /** POSTs answered (or, with a fault, that would have been answered) 409. */
    public int duplicates() {
        return duplicates.get();
    }

    /** The most POSTs the fake was handling at the same time: shows whether a client overlaps uploads. */
    public int maxConcurrentPosts() {
        return maxInFlight.get();
    }

    void postArrived() {
        postArrivals.add(System.nanoTime());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void postDone() {
        inFlight.decrementAndGet();
    }

    void entryAppended() {
        appended.incrementAndGet();
    }

    void duplicateSeen() {
        duplicates.incrementAndGet();
    }
}
