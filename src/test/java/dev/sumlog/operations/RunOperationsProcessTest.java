package dev.sumlog.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.InProcessCli;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recover} after a real backfill was SIGKILLed, and {@code abandon} after one was stopped by
 * SIGTERM, each followed by the next backfill: what it says it does, and that it ends with the
 * outputs and log of an uninterrupted run. The interrupted backfills are child JVMs (they get real
 * signals); everything else runs in the test's JVM through the same command line, which saves a cold
 * JVM start per run.
 */
class RunOperationsProcessTest {

    @TempDir
    static Path shared;
    static Map<String, String> reference;
    static Map<String, String> referenceLog;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() throws Exception {
        FixtureGenerator.generate(shared.resolve("archive"), Tier.SMALL, 3);
        InProcessCli clean = InProcessCli.run(args(shared));
        assertThat(clean.exitCode()).as(clean.all()).isIn(0, 4);
        reference = Trees.digests(shared.resolve("out"));
        referenceLog = Trees.digests(shared.resolve("state/log"));
    }

    /** Same log key as the clean run (Ed25519 signatures are deterministic), so receipts must match too. */
    @BeforeEach
    void sameLogKey() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.copy(shared.resolve("state/log-signer.key"), dir.resolve("state/log-signer.key"));
    }

    @Test
    void recoverAfterSigkillThenTheNextBackfillResumesTheRun() throws Exception {
        Path paused = dir.resolve("paused");
        SumlogProcess killed = SumlogProcess.start(dir, List.of("-Dsumlog.pause-at=sums-file:3",
                "-Dsumlog.pause-file=" + paused), false, args(dir));
        awaitFile(paused, killed);
        killed.sigkill();
        assertThat(executionStatuses()).containsExactly("STARTED");

        InProcessCli recovered = operation("recover");

        assertThat(recovered.exitCode()).as(recovered.all()).isZero();
        assertThat(recovered.out()).isEqualTo("recovered run 1 (execution 1, left STARTED): backfill of "
                + archiveId() + "; the next run resumes it\n");
        assertThat(executionStatuses()).containsExactly("FAILED");
        assertThat(operation("recover").out()).startsWith("nothing to recover: no run in ");

        InProcessCli next = InProcessCli.run(args(dir));
        assertThat(next.exitCode()).as(next.all()).isIn(0, 4);
        assertThat(next.out()).contains("resuming run 1 (FAILED, execution 1)").doesNotContain("recovering");
        assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
        assertSameAsACleanRun();
    }

    @Test
    void abandonAfterSigtermThenTheNextBackfillStartsANewRun() throws Exception {
        Path trace = dir.resolve("trace.txt");
        SumlogProcess stopped = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace), false, slowArgs(dir));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(trace) || Files.readAllLines(trace).size() < 20) {
            assertThat(stopped.isAlive()).as(stopped.output()).isTrue();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
        stopped.sigterm();
        SumlogProcess.Result stop = stopped.await(Duration.ofMinutes(1));
        assertThat(stop.exitCode()).as(stop.output()).isEqualTo(1);
        assertThat(executionStatuses()).containsExactly("STOPPED");

        InProcessCli abandoned = operation("abandon");

        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(abandoned.out()).isEqualTo("abandoned run 1 (execution 1, STOPPED): backfill of " + archiveId()
                + "; the next run starts a new one\n");
        assertThat(operation("abandon").out()).startsWith("nothing to abandon: ");

        InProcessCli next = InProcessCli.run(args(dir));
        assertThat(next.exitCode()).as(next.all()).isIn(0, 4);
        assertThat(next.out()).contains("run 1 abandoned; starting a new run").doesNotContain("resuming");
        assertThat(executionStatuses()).containsExactly("ABANDONED", "COMPLETED");
        assertThat(generations()).containsExactly(1L, 2L);
        assertSameAsACleanRun();
    }

    private static String[] args(Path base) {
        return new String[] {"backfill", "--source", shared.resolve("archive").toString(), "--out",
                base.resolve("out").toString(), "--state", base.resolve("state").toString()};
    }

    /** The same backfill, one file per chunk: slow enough for a signal to land mid-hash. */
    private static String[] slowArgs(Path base) {
        return Stream.concat(Stream.of(args(base)), Stream.of("--threads", "1", "--chunk-size", "1"))
                .toArray(String[]::new);
    }

    private InProcessCli operation(String command) {
        return InProcessCli.run(command, "--state", dir.resolve("state").toString());
    }

    private void assertSameAsACleanRun() {
        assertThat(Trees.digests(dir.resolve("out"))).isEqualTo(reference);
        assertThat(Trees.digests(dir.resolve("state/log"))).isEqualTo(referenceLog);
    }

    private static String archiveId() {
        return shared.resolve("archive").toUri().toString();
    }

    private static void awaitFile(Path file, SumlogProcess run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(file)) {
            assertThat(run.isAlive()).as(run.output()).isTrue();
            assertThat(System.nanoTime()).as(run.output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private List<String> executionStatuses() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection db = catalog();
             ResultSet rs = db.createStatement().executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    private List<Long> generations() throws Exception {
        List<Long> generations = new ArrayList<>();
        try (Connection db = catalog();
             ResultSet rs = db.createStatement().executeQuery("SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS "
                     + "WHERE PARAMETER_NAME = 'generation' ORDER BY JOB_EXECUTION_ID")) {
            while (rs.next()) {
                generations.add(Long.parseLong(rs.getString(1)));
            }
        }
        return generations;
    }

    private Connection catalog() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/catalog"), "sa", "");
    }
}
