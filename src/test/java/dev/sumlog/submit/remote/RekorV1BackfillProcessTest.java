package dev.sumlog.submit.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fakes.Fault;
import dev.sumlog.fakes.FakeRekorV1;
import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.signing.PublicKeys;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import dev.sumlog.tlog.sigstore.BundleVerification;
import dev.sumlog.tlog.sigstore.BundleVerifier;
import dev.sumlog.tlog.sigstore.LogKey;
import dev.sumlog.tlog.sigstore.LogKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real backfills (child processes) recording releases in a fake Rekor v1 on 127.0.0.1, killed with
 * SIGKILL during submission and resumed, and faced with every fault the log can answer with: exactly
 * one entry per release ends up in the log, every bundle verifies, and nothing is recorded as logged
 * that is not.
 */
class RekorV1BackfillProcessTest {

    @TempDir
    static Path shared;
    static Path source;
    static Path keys;

    @TempDir
    Path dir;
    FakeRekorV1 rekor;

    @BeforeAll
    static void archiveAndKey() throws Exception {
        source = shared.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 5);
        keys = shared.resolve("keys");
        SumlogProcess.Result keygen = SumlogProcess.run(shared, "keygen", "--out", keys.toString());
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
    }

    @BeforeEach
    void startLog() {
        rekor = FakeRekorV1.start();
    }

    @AfterEach
    void stopLog() {
        rekor.close();
    }

    @Test
    void sigkilledDuringSubmissionSeveralTimesThenResumedLogsEachReleaseExactlyOnce() throws Exception {
        Path job = job(false, 40);
        for (int killAfterPosts : new int[] {3, 9, 17}) {
            SumlogProcess run = SumlogProcess.start(dir, List.of(), false, "backfill", "--job", job.toString());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (rekor.traffic().posts() < killAfterPosts && run.isAlive()) {
                assertThat(System.nanoTime()).as(run.output()).isLessThan(deadline);
                Thread.sleep(2);
            }
            run.sigkill();
        }
        SumlogProcess.Result resumed = SumlogProcess.run(dir, "backfill", "--job", job.toString());

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertOneEntryPerReleaseAndBundlesVerify();
    }

    @Test
    void withTheEmbeddedLogListedToo() throws Exception {
        Path job = job(true, 40);
        SumlogProcess run = SumlogProcess.start(dir, List.of(), false, "backfill", "--job", job.toString());
        while (rekor.traffic().posts() < 5 && run.isAlive()) {
            Thread.sleep(2);
        }
        run.sigkill();
        SumlogProcess.Result resumed = SumlogProcess.run(dir, "backfill", "--job", job.toString());

        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        assertOneEntryPerReleaseAndBundlesVerify();
        assertThat(Trees.endingIn(dir.resolve("out"), ".SHA256SUMS")).allSatisfy(sums ->
                assertThat(dir.resolve("out").resolve(sums + ".tlog-proof")).isRegularFile());
    }

    @Test
    void anAnswerThatIsAcceptedButLostIsFoundAgainByTheRetryNotLoggedTwice() throws Exception {
        rekor.faults().next(Fault.acceptThenReset(), Fault.acceptThenStatus(503));
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(rekor.traffic().duplicates()).isGreaterThanOrEqualTo(2);
        assertOneEntryPerReleaseAndBundlesVerify();
    }

    @Test
    void backPressureIsRetriedWithinTheBudget() throws Exception {
        rekor.faults().next(Fault.status(429, 1), Fault.status(503), Fault.status(500), Fault.reset());
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("HTTP 429").contains("retrying in");
        assertOneEntryPerReleaseAndBundlesVerify();
    }

    @Test
    void anOutageBeyondTheBudgetLeavesReleasesPendingExitsOneAndTheNextRunResumes() throws Exception {
        rekor.faults().nextTimes(1000, Fault.status(503));
        SumlogProcess.Result down = SumlogProcess.run(dir, "backfill", "--job", job(false, 1000, 2).toString());

        assertThat(down.exitCode()).as(down.output()).isEqualTo(1);
        assertThat(down.output()).contains("not logged yet: ").contains("HTTP 503")
                .contains("run the same command again to retry");
        assertThat(rekor.treeSize()).isZero();
        assertThat(Trees.endingIn(dir.resolve("out"), ".sigstore.json")).isEmpty();

        rekor.faults().clear();
        SumlogProcess.Result up = SumlogProcess.run(dir, "backfill", "--job", job(false, 1000, 2).toString());
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertOneEntryPerReleaseAndBundlesVerify();
    }

    @Test
    void answersThatDoNotVerifyAreAlertsAndNeverRecordedAsLogged() throws Exception {
        rekor.faults().next(Fault.wrongProof(), Fault.wrongCheckpointKey(), Fault.foreignBody(), Fault.badSet());
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("ALERT: " + RemoteSubmitTasklet.UNVERIFIED).contains("not logged yet: ");
        assertThat(Trees.endingIn(dir.resolve("out"), ".sigstore.json")).hasSize(releases() - 4);

        // The bad answers named real entries, now in the log: the next run gets 409s, verifies them
        // properly, and completes without a second entry for any release.
        SumlogProcess.Result again = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertOneEntryPerReleaseAndBundlesVerify(1);
    }

    @Test
    void aNewOutputTreeGetsTheSameBundlesFromTheCatalogWithoutAskingTheLogAgain() throws Exception {
        Path job = job(false, 200);
        SumlogProcess.Result first = SumlogProcess.run(dir, "backfill", "--job", job.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        int posts = rekor.traffic().posts();
        Map<String, String> bundles = Trees.digests(dir.resolve("out"));

        Files.writeString(job, Files.readString(job).replace("out: out\n", "out: out2\n"));
        SumlogProcess.Result moved = SumlogProcess.run(dir, "backfill", "--job", job.toString());

        assertThat(moved.exitCode()).as(moved.output()).isZero();
        assertThat(rekor.traffic().posts()).as("nothing sent again").isEqualTo(posts);
        assertThat(Trees.digests(dir.resolve("out2"))).as("sums files and bundles, byte for byte").isEqualTo(bundles);
    }

    @Test
    void aRejectionIsPermanentNamedAndExitsOne() throws Exception {
        rekor.faults().next(Fault.status(400));
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).containsPattern("not logged yet: \\S+SHA256SUMS: in " + rekor.url()
                + ": rejected by " + rekor.url() + ": HTTP 400");
        assertThat(Trees.endingIn(dir.resolve("out"), ".sigstore.json")).hasSize(releases() - 1);
    }

    private void assertOneEntryPerReleaseAndBundlesVerify() throws Exception {
        assertOneEntryPerReleaseAndBundlesVerify(0);
    }

    /** {@code decoys}: entries of someone else's that a fault put in the log. */
    private void assertOneEntryPerReleaseAndBundlesVerify(int decoys) throws Exception {
        List<String> sums = Trees.endingIn(dir.resolve("out"), ".SHA256SUMS");
        assertThat(sums).isNotEmpty();
        assertThat(rekor.treeSize()).as("one entry per release").isEqualTo(sums.size() + decoys);
        PublicKey signer = PublicKeys.readPem(keys.resolve("release.pub"));
        LogKey log = LogKeys.fromPem(rekor.url(), rekor.logKeyPem());
        Set<Long> indexes = new HashSet<>();
        for (String s : sums) {
            Path bundle = dir.resolve("out").resolve(s + ".sigstore.json");
            BundleVerification verified = BundleVerifier.verify(Files.readString(bundle),
                    Files.readAllBytes(dir.resolve("out").resolve(s)), signer, log);
            assertThat(indexes.add(verified.logIndex())).as("%s has its own entry", s).isTrue();
        }
    }

    private int releases() throws Exception {
        return Trees.endingIn(dir.resolve("out"), ".SHA256SUMS").size();
    }

    private Path job(boolean withEmbedded, double rate) throws Exception {
        return job(withEmbedded, rate, 5);
    }

    private Path job(boolean withEmbedded, double rate, int attempts) throws Exception {
        Path logKey = dir.resolve("rekor.pub");
        Files.writeString(logKey, rekor.logKeyPem());
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "source: " + source + "\nout: out\nstate: state\nlogs:\n"
                + (withEmbedded ? "  - target: embedded\n" : "")
                + "  - target: rekor-v1\n    url: " + rekor.url() + "\n    log-key: rekor.pub\n"
                + "    signing-key: " + keys.resolve("release.key") + "\n    rate: " + rate + "\n    burst: 1\n"
                + "    attempts: " + attempts + "\n");
        return job;
    }
}
