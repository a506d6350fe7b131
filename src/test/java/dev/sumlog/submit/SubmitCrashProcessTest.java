package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import dev.sumlog.tlog.merkle.MemoryTree;
import dev.sumlog.tlog.merkle.ProofVerifier;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.receipt.TlogProof;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.TileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real backfill inside the submit step, including right after a log append and before the
 * catalog records it, and inside the batched writes of sums files, receipts and log tiles, resumes it, and checks that the log holds exactly one entry per release, that
 * every receipt verifies, that every tile and checkpoint of the log verifies, and that the result is
 * byte-identical to an uninterrupted run with the same key.
 */
class SubmitCrashProcessTest {

    @TempDir
    static Path shared;
    static Path source;
    static Map<String, String> cleanOut;
    static Map<String, String> cleanLog;

    @TempDir
    Path dir;

    @BeforeAll
    static void cleanRun() throws Exception {
        source = shared.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 5);
        SumlogProcess.Result clean = SumlogProcess.run(shared, args(shared));
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        cleanOut = Trees.digests(shared.resolve("out"));
        cleanLog = Trees.digests(shared.resolve("state/log"));
    }

    @Test
    void haltsRightAfterAppendsBeforeTheCatalogCommitsThenResumesWithoutDuplicates() throws Exception {
        sameKeyAsCleanRun();
        for (int appends : new int[] {1, 2, 3}) {
            SumlogProcess run = SumlogProcess.start(dir, List.of("-Dsumlog.halt-after-appends=" + appends), false,
                    args(dir));
            SumlogProcess.Result halted = run.await(Duration.ofMinutes(2));
            assertThat(halted.exitCode()).as(halted.output()).isEqualTo(137);
        }
        SumlogProcess.Result resumed = SumlogProcess.run(dir, args(dir));

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).containsPattern("recovering run 1 \\(execution \\d+ left STARTED");
        assertLogAndReceipts();
    }

    @Test
    void sigkillAtSeveralPointsOfTheSubmitStepThenResumes() throws Exception {
        sameKeyAsCleanRun();
        // A rate-limited log (5 entries a second) gives the kills room to land inside the submit step;
        // the rate is not part of the backfill's identity, so the same backfill resumes.
        Path slowLog = dir.resolve("slow-log.yml");
        Files.writeString(slowLog, "log:\n  rate: 5\n  burst: 1\n");
        List<String> slowArgs = new ArrayList<>(List.of(args(dir)));
        slowArgs.addAll(List.of("--job", slowLog.toString()));
        for (long killAtSize : new long[] {4, 12, 20}) {
            SumlogProcess run = SumlogProcess.start(dir, List.of(), false, slowArgs.toArray(String[]::new));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (logSize() < killAtSize && run.isAlive()) {
                assertThat(System.nanoTime()).as(run.output()).isLessThan(deadline);
                Thread.sleep(5);
            }
            run.sigkill();
            assertThat(run.output()).as("the rate limit's waits are announced, never silent")
                    .contains("submit: waiting").contains("for the rate limit of sumlog.invalid/log");
        }
        SumlogProcess.Result resumed = SumlogProcess.run(dir, args(dir));

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertLogAndReceipts();
    }

    /**
     * SIGKILL in the middle of a batched write: after some of a chunk's sums files, after some of a
     * batch's receipts, and between the tiles of an append and its checkpoint (chunk and log batch
     * are 4, so the 6th file or the 5th log file lies inside the second batch). The process parks at
     * that point ({@code PausePoint}) so the kill lands exactly there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sums-file:6", "receipt-file:6", "log-file:5"})
    void sigkillInsideABatchedWriteThenResumesToTheSameBytes(String point) throws Exception {
        sameKeyAsCleanRun();
        Path paused = dir.resolve("paused");
        SumlogProcess run = SumlogProcess.start(dir, List.of("-Dsumlog.pause-at=" + point,
                "-Dsumlog.pause-file=" + paused), false, args(dir));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(paused)) {
            assertThat(run.isAlive()).as(run.output()).isTrue();
            assertThat(System.nanoTime()).as(run.output()).isLessThan(deadline);
            Thread.sleep(5);
        }
        run.sigkill();
        assertThat(Files.readString(paused)).isEqualTo(point + "\n");

        SumlogProcess.Result resumed = SumlogProcess.run(dir, args(dir));

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertThat(resumed.output()).containsPattern("recovering run 1 \\(execution \\d+ left STARTED");
        assertLogAndReceipts();
    }

    private void assertLogAndReceipts() throws Exception {
        Ed25519NoteSigner key = dev.sumlog.tlog.note.NoteKeys.parseSignerKey(
                Files.readString(dir.resolve("state/log-signer.key")).trim());
        NoteVerifiers trusted = NoteVerifiers.of(key.verifier());
        TileReader log = TileReader.open(new FileTileFetcher(dir.resolve("state/log")), trusted, key.name());

        // Exactly one entry per release, and every tile reproduces the tree of the entries.
        List<String> sumsFiles = sumsFiles(dir.resolve("out"));
        MemoryTree tree = new MemoryTree();
        Set<String> logged = new HashSet<>();
        for (long i = 0; i < log.size(); i++) {
            byte[] entry = log.entry(i);
            tree.appendEntry(entry);
            assertThat(logged.add(ReleaseEntry.parse(entry).sumsPath())).as("entry %d logged once", i).isTrue();
        }
        assertThat(logged).containsExactlyInAnyOrderElementsOf(sumsFiles);
        assertThat(tree.root()).isEqualTo(log.checkpoint().rootHash());
        for (long m = 1; m < log.size(); m++) {
            ProofVerifier.verifyConsistency(m, log.size(), log.consistencyProof(m, log.size()), log.rootHash(m),
                    log.checkpoint().rootHash());
        }
        // Every receipt verifies offline and commits to the sums file beside it.
        for (String sums : sumsFiles) {
            TlogProof receipt = TlogProof.parse(Files.readAllBytes(dir.resolve("out").resolve(sums + ".tlog-proof")));
            byte[] entry = receipt.extra().orElseThrow();
            receipt.verifyEntry(entry, trusted);
            byte[] sumsBytes = Files.readAllBytes(dir.resolve("out").resolve(sums));
            assertThat(ReleaseEntry.parse(entry).sumsSha256())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sumsBytes)));
        }
        // Byte-identical to the uninterrupted run, and no temp file left behind by a killed write.
        assertThat(Trees.digests(dir.resolve("state/log"))).isEqualTo(cleanLog);
        assertThat(Trees.digests(dir.resolve("out"))).isEqualTo(cleanOut);
    }

    private long logSize() throws Exception {
        Path checkpoint = dir.resolve("state/log/checkpoint");
        return Files.exists(checkpoint) ? Long.parseLong(Files.readAllLines(checkpoint).get(1)) : 0;
    }

    private void sameKeyAsCleanRun() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.copy(shared.resolve("state/log-signer.key"), dir.resolve("state/log-signer.key"));
    }

    private static List<String> sumsFiles(Path out) throws Exception {
        List<String> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(f -> f.getFileName().toString().endsWith(".SHA256SUMS"))
                    .forEach(f -> result.add(out.relativize(f).toString()));
        }
        return result;
    }

    private static String[] args(Path dir) {
        return new String[] {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString(), "--chunk-size", "4", "--log-batch", "4"};
    }
}
