package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.job.Torture.Landing;
import dev.sumlog.job.Torture.Signal;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill torture: one backfill interrupted 20 times by real signals at random moments of every
 * step (crawl, hash, writeSums, submit; {@link Torture} says how they are aimed), each time resumed
 * by the same command, then run to the end. It must end exactly where one uninterrupted run ends:
 * the same bytes in every sums file, receipt, snapshot, log tile and checkpoint (same log key), one
 * log entry per release, the same exit code, and sums files GNU sha256sum accepts. The seed is
 * printed; {@code -Dsumlog.torture.seed=N} replays a failure's choices.
 */
class TortureProcessTest {

    static final int KILLS = 20;
    static final int AT_LEAST_PER_STEP = 3;
    static final int CHUNK_SIZE = 8;
    static final int LOG_BATCH = 8;
    /**
     * Single-file releases added to the MEDIUM tree's 2,002 files and 543 releases: each SIGTERM
     * commits the chunk in flight and the write step's chunk is 512 releases, so 543 would allow at
     * most two graceful stops in writeSums; 2,043 releases give it four chunks.
     */
    static final int EXTRA_RELEASES = 1500;
    /**
     * Progress published after every chunk (how kills are aimed). The rest only makes the 43 child
     * JVMs start faster on 2 cores (C1 only, serial GC, no verification of the classpath's bytecode):
     * it changes nothing a run writes.
     */
    static final List<String> JVM = List.of("-Dsumlog.progress-interval-seconds=0", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote");

    @TempDir
    static Path shared;
    static Path source;
    static int files;
    static SumlogProcess.Result reference;
    static Map<String, String> referenceOut;
    static Map<String, String> referenceLog;
    static long releases;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() throws Exception {
        source = shared.resolve("archive");
        files = generate(source);
        reference = SumlogProcess.start(shared, JVM, false, args(shared)).await(Duration.ofMinutes(5));
        assertThat(reference.exitCode()).as(reference.output()).isZero();
        referenceOut = Trees.digests(shared.resolve("out"));
        referenceLog = Trees.digests(shared.resolve("state/log"));
        releases = new TortureCatalog(shared.resolve("state")).releases();
        assertThat(releases).isEqualTo(543 + EXTRA_RELEASES);
    }

    /** Same log key as the clean run (Ed25519 signing is deterministic), so receipts and checkpoints must match too. */
    @BeforeEach
    void sameLogKey() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.copy(shared.resolve("state/log-signer.key"), dir.resolve("state/log-signer.key"));
    }

    @Test
    void twentySigkillsAcrossEveryStepThenTheSameCommandEndsWithTheReferenceBytes() throws Exception {
        tortureThenFinish(Signal.SIGKILL);
    }

    @Test
    void twentySigtermsStopGracefullyAcrossEveryStepThenTheSameCommandEndsWithTheReferenceBytes() throws Exception {
        tortureThenFinish(Signal.SIGTERM);
    }

    private void tortureThenFinish(Signal signal) throws Exception {
        long seed = Long.getLong("sumlog.torture.seed", new SecureRandom().nextLong());
        System.out.println(signal + " torture, seed " + seed);
        long started = System.nanoTime();
        try {
            List<Landing> landings = new Torture(dir, signal, seed, JVM, args(dir), files, Map.of("crawl",
                    (long) BackfillJobConfiguration.CRAWL_CHUNK, "hash", (long) CHUNK_SIZE, "writeSums",
                    (long) BackfillJobConfiguration.WRITE_CHUNK, "submit", (long) LOG_BATCH)).run(KILLS);
            Map<String, Long> perStep = landings.stream().collect(Collectors.groupingBy(Landing::landedIn,
                    Collectors.counting()));
            System.out.println(signal + " kills per step: " + perStep);
            for (String step : Torture.STEPS) {
                assertThat(perStep.getOrDefault(step, 0L)).as("%ss that landed in %s: %s", signal, step, perStep)
                        .isGreaterThanOrEqualTo(AT_LEAST_PER_STEP);
            }
            long tortured = System.nanoTime();
            SumlogProcess.Result last = SumlogProcess.start(dir, JVM, false, args(dir)).await(Duration.ofMinutes(5));
            System.out.printf("%s torture took %.0f s, the last run %.0f s (load average %.1f)%n", signal,
                    (tortured - started) / 1e9, (System.nanoTime() - tortured) / 1e9,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertEndsLikeTheReference(last);
        } catch (AssertionError e) {
            throw new AssertionError(signal + " torture, seed " + seed + " (replay: -Dsumlog.torture.seed=" + seed
                    + "): " + e.getMessage(), e);
        }
    }

    private void assertEndsLikeTheReference(SumlogProcess.Result last) throws Exception {
        assertThat(last.exitCode()).as(last.output()).isEqualTo(reference.exitCode());
        assertThat(last.output()).containsPattern("(recovering|resuming) run 1 ").contains("backfill complete");
        assertThat(FinishedBackfill.differences(Trees.digests(dir.resolve("out")), referenceOut))
                .as("outputs (sums, receipts, snapshots) differing from the uninterrupted run's").isEmpty();
        assertThat(FinishedBackfill.differences(Trees.digests(dir.resolve("state/log")), referenceLog))
                .as("log tiles and checkpoint differing from the uninterrupted run's").isEmpty();

        TortureCatalog catalog = new TortureCatalog(dir.resolve("state"));
        assertThat(catalog.jobInstances()).as("one run, resumed every time").isEqualTo(1);
        assertThat(catalog.jobExecutions()).isEqualTo(KILLS + 1);
        assertThat(catalog.releases()).isEqualTo(releases);
        assertThat(catalog.releasesNotLoggedOnce()).as("releases without exactly one LOGGED submission").isEmpty();
        assertThat(catalog.submissions("LOGGED")).isEqualTo(releases);
        assertThat(catalog.submissions("PENDING")).isZero();
        List<String> logged = FinishedBackfill.loggedSumsPaths(dir.resolve("state"));
        assertThat(logged).as("log entries, one per release").hasSize((int) releases)
                .containsExactlyInAnyOrderElementsOf(Trees.endingIn(dir.resolve("out"), ".SHA256SUMS"));
        assertThat(FinishedBackfill.gnuCheck(dir.resolve("out"), source)).as("archive files in a sums or snapshot file")
                .isEqualTo(files);
    }

    /** The MEDIUM tree (2,002 files, 543 releases) with {@link #EXTRA_RELEASES} small one-file releases beside it under x/. */
    private static int generate(Path root) throws IOException {
        int count = FixtureGenerator.generate(root, Tier.MEDIUM, 3).fileCount();
        Path extra = root.resolveSibling("extra");
        count += FixtureGenerator.generate(extra, Tier.ONE_PER_RELEASE.with(EXTRA_RELEASES, 4096), 3).fileCount();
        try (Stream<Path> projects = Files.list(extra.resolve("x"))) {
            for (Path project : projects.toList()) {
                Files.move(project, root.resolve("x").resolve(project.getFileName().toString()));
            }
        }
        return count;
    }

    private static String[] args(Path dir) {
        return new String[] {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString(), "--chunk-size", String.valueOf(CHUNK_SIZE),
                "--log-batch", String.valueOf(LOG_BATCH), "--threads", "1"};
    }
}
