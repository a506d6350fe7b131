package dev.sumlog.job;

import dev.sumlog.catalog.Backlog;
import dev.sumlog.catalog.CrawlItem;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.source.CrawledFile;
import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Prints what each step is doing: a line every interval while it runs ({@link ProgressLine}: items and
 * bytes done, of how much where the backlog is known when the step starts, rate, ETA), and a summary
 * when it ends, so a long run never looks like a hang. The line comes from a timer, not from the
 * step's own events, so a step that waits (a rate limit, a slow download) still prints, and its
 * falling rate shows the wait. Chunk steps count each item as it is read (the hash step's reader
 * hands back each file as its read finishes, so the count moves within a chunk of large files);
 * tasklet steps (submit, restoreReceipts) count their write count after each call. Every line is
 * also published for {@code status} ({@link ProgressFile}), which cannot open the catalog while the
 * run holds it. An interval of zero prints a line after every committed chunk instead of on a timer
 * (what tests that aim at a step's commits, such as the kill torture, watch for).
 */
public class ProgressReporter implements StepExecutionListener, ItemReadListener<Object>, ItemWriteListener<Object>,
        ChunkListener<Object, Object> {

    private final PrintStream out;
    private final Duration interval;
    private final Map<String, Supplier<Backlog>> backlogs;
    private final ProgressFile published;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sumlog-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile long runId;
    private volatile long stepStart;
    private volatile Backlog backlog;
    private volatile String step;
    private ScheduledFuture<?> ticking;
    private final boolean perCommit;
    private volatile boolean running;

    public ProgressReporter(PrintStream out, long intervalSeconds, Map<String, Supplier<Backlog>> backlogs,
                            ProgressFile published) {
        this(out, Duration.ofSeconds(intervalSeconds), backlogs, published);
    }

    ProgressReporter(PrintStream out, Duration interval, Map<String, Supplier<Backlog>> backlogs, ProgressFile published) {
        this.out = out;
        this.interval = interval;
        this.perCommit = interval.isZero();
        this.backlogs = new ConcurrentHashMap<>(backlogs);
        this.published = published;
    }

    /** Registers the backlog of a step named at wiring time (a remote log's submit step). */
    public void backlog(String stepName, Supplier<Backlog> backlog) {
        backlogs.put(stepName, backlog);
    }

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
        step = stepExecution.getStepName();
        stepStart = System.nanoTime();
        items.set(0);
        bytes.set(0);
        Supplier<Backlog> known = backlogs.get(step);
        backlog = known == null ? null : known.get();
        published.publish(runId, step + ": started" + (backlog == null ? "" : ", " + backlog.items() + " to do"));
        running = true;
        if (!perCommit) {
            long every = Math.max(interval.toMillis(), 1);
            ticking = timer.scheduleAtFixedRate(this::print, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Chunk steps, with an interval of zero: a line after each committed chunk. */
    @Override
    public void afterWrite(Chunk<?> chunk) {
        if (perCommit) {
            print();
        }
    }

    @Override
    public void afterRead(Object item) {
        items.incrementAndGet();
        if (item instanceof HashOutcome outcome && !outcome.isFailed()) {
            bytes.addAndGet(Math.max(outcome.stamp().size(), 0));
        } else if (item instanceof CrawledFile file && file.stamp() != null) {
            bytes.addAndGet(Math.max(file.stamp().size(), 0));
        } else if (item instanceof CrawlItem crawled && crawled.artifact() != null) {
            bytes.addAndGet(Math.max(crawled.artifact().stamp().size(), 0));
        }
    }

    /** Tasklet steps: one call of the tasklet is one chunk; its count is the step's write count. */
    @Override
    public void afterChunk(ChunkContext context) {
        items.set(context.getStepContext().getStepExecution().getWriteCount());
        if (perCommit) {
            print();
        }
    }

    private synchronized void print() {
        if (!running) {
            return; // the step ended while this tick waited for the lock
        }
        String line = new ProgressLine(step, items.get(), bytes.get(), backlog,
                (System.nanoTime() - stepStart) / 1e9).toString();
        out.println("  " + line);
        published.publish(runId, line);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution stepExecution) {
        running = false;
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        double seconds = (System.nanoTime() - stepStart) / 1e9;
        long done = bytes.get();
        // "<step>: completed, N items in T s" is what scripts/bench reads; details follow it.
        String line = String.format("%s: %s, %d items in %.1f s%s", step, stepExecution.getStatus().name().toLowerCase(),
                stepExecution.getWriteCount(), seconds,
                done == 0 ? "" : ProgressLine.bytesVerb(step).equals("read")
                        ? String.format(", %.1f MB read, %.0f MB/s", done / 1e6, done / 1e6 / Math.max(seconds, 1e-3))
                        : String.format(", %.1f MB listed", done / 1e6));
        out.println("  " + line);
        published.publish(runId, line);
        return stepExecution.getExitStatus();
    }

    /** Stops the timer thread (called by the context when it closes). */
    public void close() {
        timer.shutdownNow();
    }
}
