package dev.sumlog.fakes;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A queue of one-shot faults: each POST that reaches a fake takes the next one, if any, so
 * {@code faults.next(Fault.status(503, 1), Fault.reset())} spoils exactly the next two POSTs.
 * Thread-safe; with parallel POSTs, which request gets which fault follows arrival order.
 */
public final class Faults {

    private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();

    /** Queues faults for the next POSTs, in order. */
    public void next(Fault... faults) {
        queue.addAll(Arrays.asList(faults));
    }

    /** Queues the same fault for the next {@code count} POSTs. */
    public void nextTimes(int count, Fault fault) {
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
    }

    /** Faults not yet used. */
    public int pending() {
        return queue.size();
    }

    public void clear() {
        queue.clear();
    }

    Optional<Fault> take() {
        return Optional.ofNullable(queue.poll());
    }
}
