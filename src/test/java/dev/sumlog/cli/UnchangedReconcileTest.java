package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.FixtureSpec;
import dev.sumlog.fixture.Tier;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.job.RunMode;
import dev.sumlog.output.OutputCheckTasklet;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly case at the scale: a reconcile of an unchanged tree of 100,000 files reads no
 * file content. Shown through the catalog: the reconcile's hash step read nothing, no artifact row is
 * tagged as hashed by it, and its output check re-read no published file (every stamp matched).
 * The time it takes against the backfill's is {@code scripts/bench --only u}, not asserted here.
 */
class UnchangedReconcileTest {

    private static final int FILES = 100_000;

    @TempDir
    Path dir;

    @Test
    void reconcileOfAnUnchangedTreeOf100000FilesReadsNoFileContent() throws Exception {
        FixtureGenerator.generate(dir.resolve("archive"), new FixtureSpec(Tier.FOUR_PER_RELEASE, FILES, 64), 1);
        // Large chunks and no archive inspection: the backfill is only the setting; the reconcile is the subject.
        String job = "source: archive\nout: out\nstate: state\ntuning:\n  chunk-size: 1024\nintegrity:\n  enabled: false\n";
        RunResult backfill;
        try (InProcessBackfill run = InProcessBackfill.start(dir, job)) {
            backfill = run.runner().run();
        }
        assertThat(backfill.status()).as("%s", backfill).isEqualTo(BatchStatus.COMPLETED);

        try (InProcessBackfill run = InProcessBackfill.start(dir, job, RunMode.reconcile("night-1", false, Clock.systemUTC()))) {
            RunResult reconcile = run.runner().run();
            JdbcTemplate jdbc = run.jdbc();

            assertThat(reconcile.status()).as("%s", reconcile).isEqualTo(BatchStatus.COMPLETED);
            assertThat(reconcile.alerts()).isEmpty();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact WHERE state = 'HASHED'")).isEqualTo(FILES);
            assertThat(stepCount(jdbc, reconcile, "crawl", "WRITE_COUNT")).isEqualTo(FILES);
            assertThat(stepCount(jdbc, reconcile, "hash", "READ_COUNT")).isZero();
            assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact WHERE hashed_run = " + reconcile.runId())).isZero();
            long published = count(jdbc, "SELECT COUNT(*) FROM output_file");
            assertThat(stepCount(jdbc, reconcile, "checkOutputs", "READ_COUNT")).isEqualTo(published);
            assertThat(jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                    + " AND STEP_NAME = 'checkOutputs'", String.class, reconcile.executionId()))
                    .isEqualTo(OutputCheckTasklet.REREAD + " 0");
            assertThat(stepCount(jdbc, reconcile, "submit", "WRITE_COUNT")).isZero();
        }
    }

    private static long stepCount(JdbcTemplate jdbc, RunResult run, String step, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = ?",
                Long.class, run.executionId(), step);
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
