package dev.sumlog.job;

import dev.sumlog.catalog.Backlog;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Prints what each step is doing: a line at most every few seconds while it runs, with the total and
 * an ETA where the backlog is known when the step starts (hash, writeSums, submit), and a summary
 * when it ends, so a long backfill never looks like a hang. Chunk steps report after each write,
 * tasklet steps (submit) after each call. Every line is also published for {@code status}
 * ({@link ProgressFile}), which cannot open the catalog while the run holds it.
 */
public class ProgressReporter implements StepExecutionListener, ItemWriteListener<Object>, ChunkListener<Object, Object> {

    private final PrintStream out;
    private final long intervalNanos;
    private final Map<String, Supplier<Backlog>> backlogs;
    private final ProgressFile published;
    private long runId;
    private long stepStart;
    private long lastPrint;
    private long items;
    private long bytes;
    private Backlog backlog;
    private String step;

    public ProgressReporter(PrintStream out, long intervalSeconds, Map<String, Supplier<Backlog>> backlogs,
                            ProgressFile published) {
        this.out = out;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
        this.backlogs = backlogs;
        this.published = published;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
        step = stepExecution.getStepName();
        stepStart = System.nanoTime();
        lastPrint = stepStart;
        items = 0;
        bytes = 0;
        Supplier<Backlog> known = backlogs.get(step);
        backlog = known == null ? null : known.get();
        published.publish(runId, step + ": started" + (backlog == null ? "" : ", " + backlog.items() + " to do"));
    }

    @Override
    public void afterWrite(Chunk<?> chunk) {
        items += chunk.size();
        for (Object item : chunk) {
            if (item instanceof HashOutcome outcome && !outcome.isFailed()) {
                bytes += outcome.stamp().size();
            }
        }
        maybePrint();
    }

    /** Tasklet steps: one call of the tasklet is one chunk; its count is the step's write count. */
    @Override
    public void afterChunk(ChunkContext context) {
        items = context.getStepContext().getStepExecution().getWriteCount();
        maybePrint();
    }

    private void maybePrint() {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            String line = step + ": " + items + (backlog == null ? "" : " of " + backlog.items()) + throughput(now) + eta(now);
            out.println("  " + line);
            published.publish(runId, line);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long now = System.nanoTime();
        String line = String.format("%s: %s, %d items in %.1f s%s", step, stepExecution.getStatus().name().toLowerCase(),
                stepExecution.getWriteCount(), (now - stepStart) / 1e9, throughput(now));
        out.println("  " + line);
        published.publish(runId, line);
        return stepExecution.getExitStatus();
    }

    private String throughput(long now) {
        if (bytes == 0) {
            return "";
        }
        double seconds = Math.max((now - stepStart) / 1e9, 1e-3);
        return String.format(", %.1f MB read, %.0f MB/s", bytes / 1e6, bytes / 1e6 / seconds);
    }

    /** Remaining time from the done fraction: by bytes where the backlog has them, else by items. */
    private String eta(long now) {
        if (backlog == null) {
            return "";
        }
        double done = backlog.bytes() > 0 && bytes > 0 ? (double) bytes / backlog.bytes()
                : backlog.items() > 0 ? (double) items / backlog.items() : 0;
        if (done <= 0 || done >= 1) {
            return "";
        }
        double elapsed = (now - stepStart) / 1e9;
        return String.format(", ETA %.0f s", elapsed * (1 - done) / done);
    }
}
