package dev.sumlog.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.signing.KeyPairFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sigstore-js ({@code @sigstore/verify}, the verifier of npm's provenance) verifies the bundles sumlog
 * writes for Rekor v1 and v2, with the release key offered by its hint and a trusted root naming the
 * fake logs and TSA. The packages are installed by {@code .ci/run} into a cache folder, passed in
 * {@code SUMLOG_SIGSTORE_JS}; without node or the packages the test is skipped and says why.
 */
class SigstoreJsInteropTest {

    private static final String VERIFIED = "sigstore-js: verified";

    @TempDir
    static Path shared;
    static Path sigstoreJs;
    static RekorBundles logs;
    static Path trustedRoot;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireNodeAndSigstoreJs() throws Exception {
        Optional<String> missing = whatIsMissing();
        if (missing.isPresent()) {
            System.out.println("SigstoreJsInteropTest skipped: " + missing.get());
        }
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
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
    void rekorV1BundleWithItsSetVerifies() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);

        assertThat(node(release, release.sums(), logs.publicKey())).isEqualTo(new NodeRun(0, VERIFIED));
    }

    @Test
    void rekorV2BundleWithItsTimestampVerifies() throws Exception {
        RekorBundles.Release release = logs.release(dir, "glance-29.0.0", true);

        assertThat(node(release, release.sums(), logs.publicKey())).isEqualTo(new NodeRun(0, VERIFIED));
    }

    @Test
    void oneByteChangedInTheSignedFileFailsForBothLogs() throws Exception {
        for (boolean rekorV2 : new boolean[] {false, true}) {
            RekorBundles.Release release = logs.release(dir.resolve("v" + (rekorV2 ? 2 : 1)), "nova-27.1.0", rekorV2);
            byte[] sums = Files.readAllBytes(release.sums());
            sums[3] ^= 1;
            Path tampered = Files.write(dir.resolve("tampered-" + rekorV2), sums);

            NodeRun run = node(release, tampered, logs.publicKey());

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).startsWith("sigstore-js: ").doesNotContain(VERIFIED);
        }
    }

    @Test
    void anotherReleaseKeyIsNotFoundByTheBundlesHint() throws Exception {
        RekorBundles.Release release = logs.release(dir, "nova-27.1.0", false);
        KeyPairFiles.create(dir.resolve("other"));

        NodeRun run = node(release, release.sums(), dir.resolve("other").resolve(KeyPairFiles.PUBLIC_KEY_FILE));

        assertThat(run).isEqualTo(new NodeRun(1, "sigstore-js: PUBLIC_KEY_ERROR: key not found: "
                + hintOf(release.bundle())));
    }

    @Test
    void rekorV2BundleWithoutItsTimestampIsRefusedSoSumlogMustAddOne() throws Exception {
        RekorBundles.Release release = logs.release(dir, "glance-29.0.0", true);
        String json = Files.readString(release.bundle());
        Files.writeString(release.bundle(), json.replaceAll(
                ",\\s*\"timestampVerificationData\"\\s*:\\s*\\{\\s*\"rfc3161Timestamps\"\\s*:\\s*\\[[^\\]]*\\]\\s*\\}", ""));

        NodeRun run = node(release, release.sums(), logs.publicKey());

        assertThat(run).isEqualTo(new NodeRun(1, "sigstore-js: TIMESTAMP_ERROR: expected 1 timestamps, got 0"));
    }

    private NodeRun node(RekorBundles.Release release, Path artifact, Path key) throws Exception {
        Path script = Path.of(SigstoreJsInteropTest.class.getResource("/sigstore-js/verify.mjs").toURI());
        Process process = new ProcessBuilder("node", script.toString(), sigstoreJs.toString(),
                release.bundle().toString(), artifact.toString(), trustedRoot.toString(), key.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        // A guard against a hung child, not a timing assertion.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("node did not finish: " + output);
        }
        return new NodeRun(process.exitValue(), output);
    }

    private static String hintOf(Path bundle) throws IOException {
        String json = Files.readString(bundle);
        int at = json.indexOf("\"hint\" : \"") + "\"hint\" : \"".length();
        return json.substring(at, json.indexOf('"', at));
    }

    /** Why the test cannot run here, if it cannot: no node on PATH, or the packages are not installed. */
    private static Optional<String> whatIsMissing() {
        String configured = Optional.ofNullable(System.getenv("SUMLOG_SIGSTORE_JS"))
                .or(() -> Optional.ofNullable(System.getProperty("sumlog.sigstore-js")))
                .orElse(Path.of(System.getProperty("user.home"), ".cache", "sumlog-ci", "sigstore-js").toString());
        sigstoreJs = Path.of(configured);
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            if (version.waitFor() != 0) {
                return Optional.of("`node --version` failed");
            }
        } catch (IOException | InterruptedException e) {
            return Optional.of("no node on PATH (" + e.getMessage() + ")");
        }
        for (String pkg : List.of("verify", "bundle", "protobuf-specs")) {
            if (!Files.isRegularFile(sigstoreJs.resolve("node_modules/@sigstore/" + pkg + "/package.json"))) {
                return Optional.of("@sigstore/" + pkg + " is not installed in " + sigstoreJs
                        + " (.ci/run installs it; set SUMLOG_SIGSTORE_JS to another npm prefix)");
            }
        }
        return Optional.empty();
    }

    record NodeRun(int exitCode, String output) {
    }
}
