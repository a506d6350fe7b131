package dev.sumlog.submit.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fakes.FakeRekorV2;
import dev.sumlog.fakes.Fault;
import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.signing.PublicKeys;
import dev.sumlog.testing.FakeTsa;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import dev.sumlog.tlog.sigstore.BundleVerification;
import dev.sumlog.tlog.sigstore.BundleVerifier;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import dev.sumlog.tlog.sigstore.TrustedRoot;
import dev.sumlog.tlog.timestamp.TimestampVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real backfills recording releases in a fake Rekor v2 (tiles, Ed25519 checkpoints) with a fake
 * RFC 3161 TSA, both on 127.0.0.1: killed and resumed, a 409 read back through the tiles, a frozen
 * shard, and the embedded log listed beside it.
 */
class RekorV2BackfillProcessTest {

    @TempDir
    static Path shared;
    static Path source;
    static Path keys;

    @TempDir
    Path dir;
    FakeRekorV2 rekor;
    FakeTsa tsa;

    @BeforeAll
    static void archiveAndKey() throws Exception {
        source = shared.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 5);
        keys = shared.resolve("keys");
        SumlogProcess.Result keygen = SumlogProcess.run(shared, "keygen", "--out", keys.toString());
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
    }

    @BeforeEach
    void start() throws Exception {
        rekor = FakeRekorV2.start();
        tsa = FakeTsa.start();
    }

    @AfterEach
    void stop() {
        rekor.close();
        tsa.close();
    }

    @Test
    void sigkilledSeveralTimesWithTheEmbeddedLogListedThenResumedLogsEachReleaseOnceInEach() throws Exception {
        Path job = job(true, 40);
        for (int killAfterPosts : new int[] {3, 10, 18}) {
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
        assertThat(Trees.endingIn(dir.resolve("out"), ".SHA256SUMS")).allSatisfy(sums ->
                assertThat(dir.resolve("out").resolve(sums + ".tlog-proof")).isRegularFile());
    }

    @Test
    void anEntryAlreadyThereIsReadBackThroughTheTilesAndVerified() throws Exception {
        rekor.faults().next(Fault.acceptThenStatus(503), Fault.acceptThenReset());
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(rekor.traffic().duplicates()).isGreaterThanOrEqualTo(2);
        assertOneEntryPerReleaseAndBundlesVerify();
    }

    @Test
    void aFrozenShardStopsThatLogWithOneLineWhileTheEmbeddedLogCarriesOn() throws Exception {
        rekor.freeze();
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(true, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("the log " + rekor.url() + " is frozen")
                .contains("not logged yet: ").doesNotContain("Exception");
        assertThat(rekor.traffic().posts()).as("no more requests once frozen than were in flight").isLessThanOrEqualTo(4);
        assertThat(Trees.endingIn(dir.resolve("out"), ".SHA256SUMS")).isNotEmpty().allSatisfy(sums ->
                assertThat(dir.resolve("out").resolve(sums + ".tlog-proof")).isRegularFile());
    }

    @Test
    void answersThatDoNotVerifyAreAlertsNeverRecordedAndBackPressureIsRetried() throws Exception {
        rekor.faults().next(Fault.status(503, 1), Fault.status(429), Fault.wrongProof(), Fault.wrongCheckpointKey(),
                Fault.foreignBody());
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("HTTP 503").contains("retrying in")
                .contains("ALERT: " + RemoteSubmitTasklet.UNVERIFIED);
        long alerts = run.output().lines().filter(l -> l.startsWith("ALERT: ")).count();
        assertThat(alerts).isEqualTo(3);

        SumlogProcess.Result again = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertOneEntryPerReleaseAndBundlesVerify(1);
    }

    @Test
    void aTimestampThatDoesNotVerifyIsAnAlertAndNothingIsLogged() throws Exception {
        tsa.untrustedSigner(true);
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job(false, 200).toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("ALERT: " + RemoteSubmitTasklet.UNVERIFIED);
        assertThat(rekor.treeSize()).as("nothing sent with an unverified timestamp").isZero();
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
        TrustedRoot root = TrustedRoot.read(dir.resolve("trusted_root.json"));
        Set<Long> indexes = new HashSet<>();
        for (String s : sums) {
            String bundle = Files.readString(dir.resolve("out").resolve(s + ".sigstore.json"));
            BundleVerification verified = BundleVerifier.verify(bundle,
                    Files.readAllBytes(dir.resolve("out").resolve(s)), signer, root);
            assertThat(indexes.add(verified.logIndex())).as("%s has its own entry", s).isTrue();
            SigstoreBundle parsed = SigstoreBundle.parse(bundle);
            assertThat(parsed.rfc3161Timestamps()).hasSize(1);
            TimestampVerifier.verify(parsed.rfc3161Timestamps().get(0), parsed.signature(), List.of(tsa.trustedTsa()));
        }
    }

    private Path job(boolean withEmbedded, double rate) throws Exception {
        Files.writeString(dir.resolve("trusted_root.json"), TrustedRoots.of(null, rekor, tsa));
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "source: " + source + "\nout: out\nstate: state\nlogs:\n"
                + (withEmbedded ? "  - target: embedded\n" : "")
                + "  - target: rekor-v2\n    url: " + rekor.url() + "\n    trusted-root: trusted_root.json\n"
                + "    signing-key: " + keys.resolve("release.key") + "\n    timestamp-url: " + tsa.url() + "\n"
                + "    rate: " + rate + "\n    burst: 1\n    concurrency: 4\n");
        return job;
    }
}
