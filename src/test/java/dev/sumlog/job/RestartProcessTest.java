package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real backfill mid-hash (SIGKILL, then SIGTERM), runs the same command again, and checks
 * that the outputs are byte-identical to an uninterrupted run and that no file whose hash had been
 * committed was read again.
 */
class RestartProcessTest {

    @TempDir
    static Path shared;
    static Path source;
    static Map<String, String> reference;
    static Map<String, String> referenceLog;
    static int files;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() throws Exception {
        source = shared.resolve("archive");
        files = FixtureGenerator.generate(source, Tier.MEDIUM, 3).fileCount();
        SumlogProcess.Result clean = SumlogProcess.run(shared, args(shared));
        assertThat(clean.exitCode()).as(clean.output()).isIn(0, 4);
        reference = Trees.digests(shared.resolve("out"));
        referenceLog = Trees.digests(shared.resolve("state/log"));
        assertThat(reference).hasSizeGreaterThan(100);
    }

    /** Same log key as the clean run (Ed25519 signing is deterministic), so even receipts must match. */
    @org.junit.jupiter.api.BeforeEach
    void sameLogKey() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.copy(shared.resolve("state/log-signer.key"), dir.resolve("state/log-signer.key"));
    }

    @Test
    void sigkillMidHashThenSameCommandResumes() throws Exception {
        Interrupted first = interrupt(400, false);

        assertThat(first.committed).isNotEmpty();
        SumlogProcess.Result resumed = rerun();
        assertThat(resumed.output()).containsPattern("recovering run 1 \\(execution \\d+ left STARTED");
        assertResumedCleanly(first, resumed);
        assertThat(executionStatuses()).containsExactly("FAILED", "COMPLETED");
    }

    @Test
    void sigtermStopsAtAChunkBoundaryThenSameCommandResumes() throws Exception {
        Interrupted first = interrupt(400, true);

        assertThat(first.exitCode).isEqualTo(1);
        assertThat(first.output).contains("stop requested").contains("backfill stopped");
        assertThat(executionStatuses()).containsExactly("STOPPED");
        SumlogProcess.Result resumed = rerun();
        assertThat(resumed.output()).contains("resuming run 1 (STOPPED, execution 1)");
        assertResumedCleanly(first, resumed);
        assertThat(executionStatuses()).containsExactly("STOPPED", "COMPLETED");
    }

    private record Interrupted(int exitCode, String output, int tracedLines, Set<String> committed) {
    }

    private Interrupted interrupt(int afterTracedFiles, boolean gracefully) throws Exception {
        SumlogProcess run = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace()), false, args(dir));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (traced().size() < afterTracedFiles) {
            assertThat(run.isAlive()).as(run.output()).isTrue();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(2);
        }
        int exitCode;
        if (gracefully) {
            run.sigterm();
            exitCode = run.await(Duration.ofMinutes(1)).exitCode();
        } else {
            run.sigkill();
            exitCode = -1;
        }
        List<String> tracedBeforeKill = traced();
        assertThat(tracedBeforeKill.size()).as("interrupted mid-hash").isLessThan(files);
        return new Interrupted(exitCode, run.output(), tracedBeforeKill.size(), committedHashes());
    }

    private SumlogProcess.Result rerun() throws Exception {
        SumlogProcess run = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace()), false, args(dir));
        SumlogProcess.Result result = run.await(Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.output()).isIn(0, 4);
        return result;
    }

    private void assertResumedCleanly(Interrupted first, SumlogProcess.Result resumed) throws Exception {
        List<String> all = traced();
        List<String> secondRun = all.subList(first.tracedLines, all.size());
        Set<String> hashedTwice = new HashSet<>(secondRun);
        hashedTwice.retainAll(first.committed);
        assertThat(hashedTwice).as("committed files hashed again").isEmpty();
        assertThat(new HashSet<>(all)).as("every file hashed").hasSize(files);
        assertThat(Trees.digests(dir.resolve("out"))).isEqualTo(reference);
        assertThat(Trees.digests(dir.resolve("state/log"))).isEqualTo(referenceLog);
    }

    private Set<String> committedHashes() throws Exception {
        Set<String> paths = new HashSet<>();
        try (Connection db = catalog();
             ResultSet rs = db.createStatement().executeQuery("SELECT path FROM artifact WHERE state = 'HASHED'")) {
            while (rs.next()) {
                paths.add(rs.getString(1).replace("\\", "\\\\").replace("\n", "\\n"));
            }
        }
        return paths;
    }

    private List<String> executionStatuses() throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection db = catalog();
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        }
        return statuses;
    }

    private Connection catalog() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state/catalog"), "sa", "");
    }

    private static String[] args(Path dir) {
        return new String[] {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString(), "--chunk-size", "8", "--log-batch", "8", "--threads", "2"};
    }

    private Path trace() {
        return dir.resolve("trace.txt");
    }

    private List<String> traced() throws Exception {
        return Files.exists(trace()) ? Files.readAllLines(trace()) : List.of();
    }
}
