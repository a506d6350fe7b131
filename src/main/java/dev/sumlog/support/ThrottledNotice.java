package dev.sumlog.support;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A line about a wait (a rate limit) printed at once, then at most once per interval however many
 * threads and requests wait: a throttled run is never silent, and a run waiting on every request
 * does not print a line per request. Thread-safe.
 */
public final class ThrottledNotice {

    /** The interval of progress lines by default (sumlog.progress-interval-seconds). */
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final Consumer<String> out;
    private final long intervalNanos;
    private final LongSupplier clock;
    /** The clock's time of the last line; meaningful only once {@link #printed} is set. Guarded by this. */
    private long last;
    private boolean printed;

    public ThrottledNotice(Consumer<String> out, Duration interval) {
        this(out, interval, System::nanoTime);
    }

    ThrottledNotice(Consumer<String> out, Duration interval, LongSupplier clock) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** Prints nothing, ever. */
    public static ThrottledNotice silent() {
        return new ThrottledNotice(line -> { }, EVERY);
    }

    /**
     * Prints the line unless one was printed less than an interval ago; the line is built only when
     * printed.
     *
     * @return whether it was printed
     */
    public boolean offer(Supplier<String> line) {
        long now = clock.getAsLong();
        synchronized (this) {
            if (printed && now - last < intervalNanos) {
                return false;
            }
            last = now;
            printed = true;
        }
        out.accept(line.get());
        return true;
    }

    /** A rate as people write it: {@code 5/s}, {@code 0.5/s}, {@code 2.25/s} (three significant digits). */
    public static String rate(double perSecond) {
        return BigDecimal.valueOf(perSecond).round(new MathContext(3)).stripTrailingZeros().toPlainString() + "/s";
    }
}
