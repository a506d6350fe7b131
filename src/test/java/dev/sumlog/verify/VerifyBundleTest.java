package dev.sumlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fakes.Pem;
import dev.sumlog.signing.KeyPairFiles;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sumlog verify FILE --bundle B}: bundles written by sumlog's Rekor v1 and v2 submit path
 * against the fake logs, verified as a downstream user would, offline and against the live log.
 */
class VerifyBundleTest {

    @TempDir
    static Path shared;
    static RekorBundles logs;
    static Path trustedRoot;

    @TempDir
    Path dir;

    @BeforeAll
    static void startLogs() throws Exception {
        logs = RekorBundles.start(shared.resolve("keys"));
        trustedRoot = logs.trustedRoot(shared.resolve("root"));
    }

    @AfterAll
    static void stopLogs() {
        if (logs != null) {
            logs.close();
        }
    }

    @Test
    void rekorV1BundleVerifiesOfflineWithItsSignedEntryTimestamp() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString(), "--offline");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   bundle", "ok   signed-time",
                "skip consistency", "result");
        assertThat(run.out()).contains("Rekor v1 entry ").contains(" of " + logs.v1.url())
                .contains("ok   signed-time: log's signed entry timestamp ")
                .contains("skip consistency: --offline")
                .endsWith("result: verified, except consistency (skipped)\n");
    }

    @Test
    void rekorV1BundleIsConsistentWithTheLogAfterItGrew() throws Exception {
        RekorBundles.Release release = logs.release(dir.resolve("a"), "nova-27.1.0", false);
        logs.release(dir.resolve("b"), "nova-27.2.0", false); // the log grows past the bundle's checkpoint

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   bundle", "ok   signed-time",
                "ok   consistency", "result");
        assertThat(run.out()).contains("ok   consistency: " + logs.v1.url() + " at size " + logs.v1.treeSize())
                .endsWith("result: verified\n");
    }

    @Test
    void rekorV2BundleWithItsTimestampVerifiesAgainstTheLogsTiles() throws Exception {
        RekorBundles.Release release = logs.release(dir.resolve("a"), "glance-29.0.0", true);
        logs.release(dir.resolve("b"), "glance-29.0.1", true);

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   bundle", "ok   signed-time",
                "ok   consistency", "result");
        assertThat(run.out()).contains("Rekor v2 entry ").contains("ok   signed-time: RFC 3161 timestamp ")
                .contains("ok   consistency: " + logs.v2.url() + " at size " + logs.v2.treeSize());
    }

    @Test
    void rekorV2BundleWithoutTimestampFailsSignedTimeUnderATrustedRoot() throws Exception {
        RekorBundles.Release release = logs.release(dir, "glance-29.0.0", true);
        String json = Files.readString(release.bundle());
        Files.writeString(release.bundle(), json.replaceAll(
                ",\\s*\"timestampVerificationData\"\\s*:\\s*\\{\\s*\"rfc3161Timestamps\"\\s*:\\s*\\[[^\\]]*\\]\\s*\\}", ""));
        assertThat(Files.readString(release.bundle())).doesNotContain("timestampVerificationData");

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   bundle", "FAIL signed-time", "result");
        assertThat(run.out()).contains("no RFC 3161 timestamp");
    }

    @Test
    void rekorV2BundleVerifiesWithTheLogKeyAndUrl() throws Exception {
        RekorBundles.Release release = logs.release(dir, "glance-29.0.0", true);
        Path logKey = Files.writeString(dir.resolve("rekor.pub"), Pem.encode("PUBLIC KEY", logs.v2.logKey().getEncoded()));

        CliRun run = verify(release, "--log-key", logKey.toString(), "--log-url", logs.v2.url());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   bundle", "skip signed-time",
                "ok   consistency", "result");
        assertThat(run.out()).contains("skip signed-time: bundle has an RFC 3161 timestamp, not checked");
    }

    @Test
    void rekorV1BundleWithTheLogKeyTakesTheHostFromTheSignedCheckpoint() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        Path logKey = Files.writeString(dir.resolve("rekor.pub"), logs.v1.logKeyPem());

        CliRun run = verify(release, "--log-key", logKey.toString(), "--offline");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("of https://127.0.0.1 in its tree of size ");
    }

    @Test
    void unreachableLogLeavesTheOfflineResultWithANote() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        String closed = "http://127.0.0.1:" + closedPort();
        Path root = Files.writeString(dir.resolve("moved_root.json"),
                logs.trustedRootJson().replace(logs.v1.url(), closed));

        CliRun run = verify(release, "--trusted-root", root.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("skip consistency: log unreachable (" + closed + ": ")
                .endsWith("result: verified, except consistency (skipped)\n");
    }

    @Test
    void tamperedTarballFailsFileInSumsWhileTheBundleStillChecksOut() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        flipByte(release.artifact(), 100);

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("FAIL file-in-sums", "ok   bundle", "ok   signed-time",
                "ok   consistency", "result");
        assertThat(run.out()).contains("result: NOT verified (failed: file-in-sums)");
    }

    @Test
    void tamperedSumsFileFailsTheBundle() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        String sums = Files.readString(release.sums());
        String sibling = sums.lines().filter(l -> l.endsWith(".whl")).findFirst().orElseThrow();
        Files.writeString(release.sums(), sums.replace(sibling, "0".repeat(64) + sibling.substring(64)));

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL bundle", "result");
        assertThat(run.out()).contains("messageDigest is not the SHA-256 of the artifact");
    }

    @Test
    void bundleWithOneByteChangedInItsSignatureFails() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", true);
        String json = Files.readString(release.bundle());
        int at = json.indexOf("\"signature\"") + "\"signature\" : \"".length() + 10;
        char changed = json.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(release.bundle(), json.substring(0, at) + changed + json.substring(at + 1));

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL bundle", "result");
    }

    @Test
    void bundleThatIsNotJsonFailsTheBundleCheckInOneLine() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        Files.writeString(release.bundle(), "{\"mediaType\": \n");

        CliRun run = verify(release, "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("FAIL bundle: " + release.bundle() + ": "))).hasSize(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void wrongSignerKeyFailsTheBundle() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        KeyPairFiles.create(dir.resolve("other"));
        Path otherKey = dir.resolve("other").resolve(KeyPairFiles.PUBLIC_KEY_FILE);

        CliRun run = CliRun.of("verify", release.artifact().toString(), "--bundle", release.bundle().toString(),
                "--key", otherKey.toString(), "--trusted-root", trustedRoot.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL bundle", "result");
        assertThat(run.out()).contains("tlog body names another signer key");
    }

    @Test
    void trustedRootOfOtherLogsFailsTheBundle() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        Path otherRoot;
        try (RekorBundles others = RekorBundles.start(dir.resolve("other-keys"))) {
            otherRoot = others.trustedRoot(dir.resolve("other-root"));
        }

        CliRun run = verify(release, "--trusted-root", otherRoot.toString(), "--offline");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL bundle", "result");
        assertThat(run.out()).contains("tlog entry is from an untrusted log");
    }

    @Test
    void badInputsAreOneLineUsageErrors() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        Path notJson = Files.writeString(dir.resolve("root.json"), "not json");
        String file = release.artifact().toString();
        String bundle = release.bundle().toString();
        String key = logs.publicKey().toString();

        assertUsage(CliRun.of("verify", file, "--bundle", dir.resolve("absent.json").toString(), "--key", key,
                "--trusted-root", trustedRoot.toString()), "--bundle: no such file: " + dir.resolve("absent.json"));
        assertUsage(CliRun.of("verify", file, "--bundle", bundle, "--key", key, "--trusted-root", notJson.toString()),
                "--trusted-root: trusted root " + notJson);
        assertUsage(CliRun.of("verify", file, "--bundle", bundle, "--trusted-root", trustedRoot.toString()),
                "--bundle needs --key PUB");
        assertUsage(CliRun.of("verify", file, "--bundle", bundle, "--key", key), "exactly one of --trusted-root");
        assertUsage(CliRun.of("verify", file, "--bundle", bundle, "--key", bundle, "--trusted-root",
                trustedRoot.toString()), "--key: ");
        assertUsage(CliRun.of("verify", file, "--bundle", bundle, "--key", key, "--trusted-root",
                trustedRoot.toString(), "--log", dir.toString()), "--log cannot be used with --bundle");
        assertUsage(CliRun.of("verify", file, "--log", dir.toString(), "--vkey", "x", "--offline"),
                "--offline cannot be used without --bundle");
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.out()).as(run.all()).doesNotContain("ok   ");
        assertThat(run.err().lines().toList()).as(run.all()).hasSize(1);
        assertThat(run.err()).as(run.all()).contains(message).doesNotContain("Exception");
    }

    private static CliRun verify(RekorBundles.Release release, String... trust) {
        List<String> args = new ArrayList<>(List.of("verify", release.artifact().toString(), "--bundle",
                release.bundle().toString(), "--key", logs.publicKey().toString()));
        args.addAll(List.of(trust));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> checks(CliRun run) {
        return run.out().lines().map(line -> line.substring(0, Math.max(0, line.indexOf(':')))).toList();
    }

    private static void flipByte(Path file, int at) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 1;
        Files.write(file, bytes);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
