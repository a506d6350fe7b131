package dev.sumlog.job;

import dev.sumlog.catalog.HashOutcome;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Prints what each step is doing: a line at most every few seconds while it runs and a summary
 * when it ends, so a long backfill never looks like a hang. Hash throughput counts the bytes the
 * hash step read, per wall-clock second of that step.
 */
public class ProgressReporter implements StepExecutionListener, ItemWriteListener<Object> {

    private final PrintStream out;
    private final long intervalNanos;
    private final AtomicLong bytes = new AtomicLong();
    private long stepStart;
    private long lastPrint;
    private long items;
    private String step;

    public ProgressReporter(PrintStream out, long intervalSeconds) {
        this.out = out;
        this.intervalNanos = intervalSeconds * 1_000_000_000L;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution.getStepName();
        stepStart = System.nanoTime();
        lastPrint = stepStart;
        items = 0;
        bytes.set(0);
    }

    @Override
    public void afterWrite(Chunk<?> chunk) {
        items += chunk.size();
        for (Object item : chunk) {
            if (item instanceof HashOutcome outcome && !outcome.isFailed()) {
                bytes.addAndGet(outcome.size());
            }
        }
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            out.println("  " + step + ": " + items + " so far" + throughput(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long now = System.nanoTime();
        out.printf("  %s: %s, %d items in %.1f s%s%n", step, stepExecution.getStatus().name().toLowerCase(),
                stepExecution.getWriteCount(), (now - stepStart) / 1e9, throughput(now));
        return stepExecution.getExitStatus();
    }

    private String throughput(long now) {
        long b = bytes.get();
        if (b == 0) {
            return "";
        }
        double seconds = Math.max((now - stepStart) / 1e9, 1e-3);
        return String.format(", %.1f MB read, %.0f MB/s", b / 1e6, b / 1e6 / seconds);
    }
}
