package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.Backlog;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.support.FileStamp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * The reporter's lines come from a timer, so a step that makes no progress (waiting on a rate limit,
 * a long download) still prints; the step's summary is its last line.
 */
class ProgressReporterTest {

    @TempDir
    Path state;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private ProgressReporter reporter;

    @AfterEach
    void stop() {
        reporter.close();
    }

    private ProgressReporter reporter(Map<String, java.util.function.Supplier<Backlog>> backlogs) {
        reporter = new ProgressReporter(out, Duration.ofMillis(50), backlogs, new ProgressFile(state));
        return reporter;
    }

    private static StepExecution step(String name) {
        return new StepExecution(1, name, new JobExecution(1, new JobInstance(1, "backfill"), new JobParameters()));
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void awaitLines(String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (lines().stream().filter(l -> l.startsWith(prefix)).count() < count) {
            assertThat(System.nanoTime()).as(String.join("\n", lines())).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aStepThatMakesNoProgressStillPrintsEveryIntervalAndItsSummaryIsTheLastLine() throws Exception {
        ProgressReporter progress = reporter(Map.of());
        progress.backlog("submit", () -> new Backlog(1024, 0));
        StepExecution submit = step("submit");
        progress.beforeStep(submit);

        awaitLines("  submit: 0 of 1024 entries, 0 entries/s", 2);
        submit.setWriteCount(1024);
        progress.afterChunk(new ChunkContext(new StepContext(submit)));
        awaitLines("  submit: 1024 of 1024 entries", 1);
        submit.setStatus(BatchStatus.COMPLETED);
        progress.afterStep(submit);
        int printed = lines().size();
        Thread.sleep(200); // four intervals: no tick may print once the step has ended

        assertThat(lines()).hasSize(printed);
        assertThat(lines().get(printed - 1)).matches("  submit: completed, 1024 items in \\d+\\.\\d s");
        assertThat(ProgressFile.read(state)).contains("submit: completed, 1024 items");
    }

    @Test
    void theHashStepCountsEachFileAsItsReadFinishesWithinAChunk() throws Exception {
        ProgressReporter progress = reporter(Map.of("hash", () -> new Backlog(3, 3_000_000)));
        StepExecution hash = step("hash");
        progress.beforeStep(hash);

        progress.afterRead(new HashOutcome(1, "a.tar.gz", "00", new FileStamp(1_000_000, 0, 0, 1), null));
        progress.afterRead(new HashOutcome(2, "b.tar.gz", null, new FileStamp(1_000_000, 0, 0, 2), "vanished"));

        awaitLines("  hash: 2 of 3 files, 1.0 of 3.0 MB read", 1);
        assertThat(lines()).allMatch(l -> l.matches("  hash: 2 of 3 files, 1\\.0 of 3\\.0 MB read, \\d+ files/s, \\d+ MB/s, ETA .+"));
        hash.setStatus(BatchStatus.COMPLETED);
        hash.setWriteCount(2);
        progress.afterStep(hash);
        assertThat(lines().get(lines().size() - 1)).matches("  hash: completed, 2 items in \\d+\\.\\d s, 1\\.0 MB read, \\d+ MB/s");
    }
}
