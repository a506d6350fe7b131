package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * {@code abandon} and {@code recover} over runs of several jobs and archives in a real catalog, written
 * through the job repository as runs leave them: which run each one touches, and what it leaves. A
 * killed and a stopped real backfill are in {@code RunOperationsProcessTest}.
 */
class RecoverAbandonCommandTest {

    @TempDir
    Path dir;

    @Test
    void abandonEndsTheLatestUnfinishedRunOfEachJobAndArchive() throws Exception {
        Path state = dir.resolve("state");
        Files.createDirectories(state);
        try (var context = CatalogContext.start(state, OperationsContext.PROFILE, ctx -> {
        })) {
            JobRepository runs = context.getBean(JobRepository.class);
            run(runs, "backfill", "archive-a", 1, BatchStatus.FAILED);      // 1: superseded by 2: left alone
            run(runs, "backfill", "archive-a", 2, BatchStatus.STOPPED);     // 2
            run(runs, "backfill", "archive-b", 1, BatchStatus.STARTED);     // 3: a killed process's
            run(runs, "backfill", "archive-c", 1, BatchStatus.COMPLETED);   // 4: finished
            run(runs, "audit", null, 1, BatchStatus.STOPPING);              // 5: another job, no archive
            run(runs, "reconcile", "archive-a", 1, BatchStatus.UNKNOWN);    // 6: stuck for Spring Batch
        }
        Path job = Files.writeString(dir.resolve("job.yml"), "source: archive\nout: out\nstate: state\n");

        InProcessCli abandoned = InProcessCli.run("abandon", "--job", job.toString());

        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(abandoned.out().lines()).containsExactlyInAnyOrder(
                "abandoned run 2 (execution 2, STOPPED): backfill of archive-a; the next run starts a new one",
                "abandoned run 3 (execution 3, left STARTED, recovered first): backfill of archive-b; the next run starts a new one",
                "abandoned run 5 (execution 5, left STOPPING, recovered first): audit; the next run starts a new one",
                "abandoned run 6 (execution 6, UNKNOWN): reconcile of archive-a; the next run starts a new one");
        assertThat(statuses(state, "BATCH_JOB_EXECUTION"))
                .containsExactly("FAILED", "ABANDONED", "ABANDONED", "COMPLETED", "ABANDONED", "ABANDONED");
        assertThat(statuses(state, "BATCH_STEP_EXECUTION"))
                .as("recover ends a killed run's steps too").containsExactly("FAILED", "STOPPED", "FAILED", "COMPLETED",
                        "FAILED", "UNKNOWN");

        InProcessCli again = InProcessCli.run("abandon", "--state", state.toString());
        assertThat(again.out()).isEqualTo("nothing to abandon: the latest runs in " + state
                + " are complete (or there are none)\n");
        assertThat(InProcessCli.run("recover", "--state", state.toString(), "--job", job.toString()).err())
                .isEqualTo("sumlog: --state and --job both name the state directory; give one of them\n");
        InProcessCli nowhere = InProcessCli.run("recover", "--state", dir.resolve("nowhere").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    /** One run of {@code job} with one step, left in {@code status} as a process would leave it. */
    private static void run(JobRepository runs, String job, String archive, long generation, BatchStatus status) {
        JobParametersBuilder parameters = new JobParametersBuilder().addLong("generation", generation);
        if (archive != null) {
            parameters.addString("archive", archive);
        }
        JobParameters identifying = parameters.toJobParameters();
        JobInstance instance = runs.getJobInstance(job, identifying) != null ? runs.getJobInstance(job, identifying)
                : runs.createJobInstance(job, identifying);
        JobExecution execution = runs.createJobExecution(instance, identifying, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(status);
        StepExecution step = runs.createStepExecution("crawl", execution);
        step.setStartTime(LocalDateTime.now());
        step.setStatus(status);
        if (!status.isRunning()) {
            execution.setEndTime(LocalDateTime.now());
            step.setEndTime(LocalDateTime.now());
        }
        runs.update(step);
        runs.update(execution);
    }

    private static List<String> statuses(Path state, String table) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + state.resolve("catalog"), "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT STATUS FROM " + table + " ORDER BY "
                     + (table.contains("STEP") ? "STEP_EXECUTION_ID" : "JOB_EXECUTION_ID"))) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }
}
