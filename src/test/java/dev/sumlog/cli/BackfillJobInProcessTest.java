package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.job.BackfillRunner;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.job.BackfillSpec;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.submit.EmbeddedLogTarget;
import dev.sumlog.submit.EmbeddedLogs;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole backfill job in this JVM, in the style of the Spring Batch samples: the real context
 * started the way {@code BackfillCommand.runLocked} starts it, one launch through {@link BackfillRunner}
 * on a small real tree, then per-step counts from the job repository, the catalog rows and the files
 * on disk; then a second run on the same state.
 */
class BackfillJobInProcessTest {

    /** Job steps in order. */
    private static final List<String> STEPS = List.of("crawl", "markGone", "hash", "group", "writeSums", "snapshot",
            "prepareSubmissions", "restoreReceipts", "submit", "checkOutputs");
    private static final Set<String> SUMS = Set.of("nova-1.0.SHA256SUMS", "glance-2.0.SHA256SUMS",
            "sub/keystone-3.0.SHA256SUMS");

    @TempDir
    Path dir;

    private ConfigurableApplicationContext context;
    private StateLock lock;

    @AfterEach
    void close() throws Exception {
        if (context != null) {
            context.close();
        }
        if (lock != null) {
            lock.close();
        }
    }

    @Test
    void backfillsASmallTreeThenARerunHashesAndLogsNothingAgain() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("nova-1.0.tar.gz"), "nova sdist");
        Trees.write(source.resolve("nova-1.0.tar.gz.asc"), "nova signature");
        Archives.sdist(source.resolve("glance-2.0.tar.gz"), "glance sdist");
        Trees.write(source.resolve("glance-2.0.tar.gz.sha256"), "glance checksum");
        Archives.sdist(source.resolve("nova-master.tar.gz"), "rebuilt every night");
        Trees.write(source.resolve("README"), "not a release");
        Archives.sdist(source.resolve("sub/keystone-3.0.tar.gz"), "keystone sdist");
        int files = 7;
        int releases = 3;
        BackfillSpec spec = JobFileLoader.resolve(JobFile.empty(), JobFile.local(source, dir.resolve("out"),
                dir.resolve("state"), null, null, null, null, null, new JobFile.Tuning(2, 2, 2), null, null, null, "test-archive"),
                "test");
        Preflight.check(spec, "test");
        lock = StateLock.acquire(spec.state());
        EmbeddedLogTarget log = EmbeddedLogs.open(spec.state(), spec.log().dir(), spec.log().origin());
        context = CatalogContext.start(spec.state(), "backfill", ctx -> {
            ctx.getBeanFactory().registerSingleton("backfillSpec", spec);
            ctx.getBeanFactory().registerSingleton("logTarget", log);
            ctx.getBeanFactory().registerSingleton("remoteLogs", dev.sumlog.submit.remote.RemoteLogs.none());
        });
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        BackfillRunner runner = context.getBean(BackfillRunner.class);
        Path out = spec.out();

        RunResult first = runner.run();

        assertThat(first.status()).as("%s", first).isEqualTo(BatchStatus.COMPLETED);
        assertThat(first.failure()).isNull();
        assertThat(first.unlogged()).isEmpty();
        assertThat(first.alerts()).isEmpty();
        assertThat(first.checked()).containsExactly("archives: NOT_AN_ARCHIVE 3, OK 4");
        assertThat(first.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("README");
            assertThat(p.reason()).startsWith("unclassified (").endsWith("); listed in its directory snapshot");
            assertThat(p.skipped()).isFalse();
        });
        Map<String, Long> writes = writeCounts(jdbc, first.executionId());
        assertThat(writes).containsEntry("crawl", (long) files).containsEntry("markGone", 0L)
                .containsEntry("hash", (long) files).containsEntry("group", (long) releases) // pending after the repair
                .containsEntry("writeSums", (long) releases).containsEntry("snapshot", 2L)
                .containsEntry("prepareSubmissions", (long) releases).containsEntry("restoreReceipts", 0L)
                .containsEntry("submit", (long) releases);
        assertThat(stepStatuses(jdbc, first.executionId())).containsOnlyKeys(STEPS).allSatisfy(
                (step, status) -> assertThat(status).as(step).isEqualTo("COMPLETED"));

        assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact WHERE state = 'HASHED' AND sha256 IS NOT NULL"))
                .isEqualTo(files);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact")).isEqualTo(files);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact WHERE release_id IS NULL")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT sums_path FROM release_set WHERE state = 'WRITTEN' AND member_count > 0",
                String.class)).containsExactlyInAnyOrderElementsOf(SUMS);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM release_set")).isEqualTo(releases);
        assertThat(jdbc.queryForList("SELECT receipt_path FROM submission WHERE state = 'LOGGED' AND log_index IS NOT NULL",
                String.class)).containsExactlyInAnyOrderElementsOf(
                        SUMS.stream().map(s -> s + SumsFileNames.RECEIPT_SUFFIX).toList());
        assertThat(count(jdbc, "SELECT COUNT(*) FROM submission")).isEqualTo(releases);
        Map<String, String> registered = jdbc.query("SELECT path, sha256 FROM output_file WHERE out_root = ?",
                rs -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getString(2));
                    }
                    return m;
                }, out.toString());
        Set<String> expectedOutputs = SUMS.stream()
                .flatMap(s -> Stream.of(s, s + SumsFileNames.RECEIPT_SUFFIX))
                .collect(Collectors.toCollection(HashSet::new));
        expectedOutputs.add(SumsFileNames.MUTABLE_SNAPSHOT);
        assertThat(registered).containsOnlyKeys(expectedOutputs);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM output_file")).isEqualTo(expectedOutputs.size());

        // the files on disk: exactly the registered ones, with the registered digests
        Map<String, String> onDisk = Trees.digests(out);
        assertThat(onDisk).isEqualTo(registered);
        assertThat(Files.readString(out.resolve("nova-1.0.SHA256SUMS"))).isEqualTo(
                Trees.sha256(source.resolve("nova-1.0.tar.gz")) + "  nova-1.0.tar.gz\n"
                        + Trees.sha256(source.resolve("nova-1.0.tar.gz.asc")) + "  nova-1.0.tar.gz.asc\n");
        assertThat(Files.readString(out.resolve("sub/keystone-3.0.SHA256SUMS"))).isEqualTo(
                Trees.sha256(source.resolve("sub/keystone-3.0.tar.gz")) + "  keystone-3.0.tar.gz\n");
        assertThat(Files.readString(out.resolve(SumsFileNames.MUTABLE_SNAPSHOT))).isEqualTo(
                Trees.sha256(source.resolve("README")) + "  README\n"
                        + Trees.sha256(source.resolve("nova-master.tar.gz")) + "  nova-master.tar.gz\n");
        assertThat(spec.log().dir().resolve("checkpoint")).exists();

        // a second run on the same context and state: a new run that finds nothing to hash, write or log
        RunResult second = runner.run();

        assertThat(second.status()).as("%s", second).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.runId()).isNotEqualTo(first.runId());
        Map<String, Long> again = writeCounts(jdbc, second.executionId());
        assertThat(again).containsEntry("crawl", (long) files).containsEntry("markGone", 0L)
                .containsEntry("hash", 0L).containsEntry("group", 0L).containsEntry("writeSums", 0L).containsEntry("prepareSubmissions", 0L)
                .containsEntry("restoreReceipts", 0L).containsEntry("submit", 0L);
        assertThat(readCount(jdbc, second.executionId(), "hash")).isZero();
        assertThat(count(jdbc, "SELECT COUNT(*) FROM submission")).isEqualTo(releases);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM artifact WHERE state = 'HASHED' AND hashed_run = "
                + first.runId())).isEqualTo(files);
        assertThat(Trees.digests(out)).isEqualTo(onDisk);
    }

    private static Map<String, Long> writeCounts(JdbcTemplate jdbc, long executionId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "ORDER BY STEP_EXECUTION_ID", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, executionId);
        return counts;
    }

    private static Map<String, String> stepStatuses(JdbcTemplate jdbc, long executionId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, STATUS FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?", rs -> {
            statuses.put(rs.getString(1), rs.getString(2));
        }, executionId);
        return statuses;
    }

    private static long readCount(JdbcTemplate jdbc, long executionId, String step) {
        return jdbc.queryForObject("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? "
                + "AND STEP_NAME = ?", Long.class, executionId, step);
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
