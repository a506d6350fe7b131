package dev.sumlog.verify;

import static dev.sumlog.verify.BackfilledLogs.ARTIFACT;
import static dev.sumlog.verify.BackfilledLogs.RECEIPT;
import static dev.sumlog.verify.BackfilledLogs.SIBLING_ARTIFACT;
import static dev.sumlog.verify.BackfilledLogs.SUMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sumlog verify} on what a downstream user downloads from a real backfill, with the key
 * {@code sumlog log-key} prints for the log.
 */
class VerifyCommandTest {

    private static final List<String> ALL_OK = List.of("ok   file-in-sums", "ok   receipt-signature", "ok   entry",
            "ok   inclusion", "ok   consistency", "result");

    @TempDir
    static Path shared;
    static BackfilledLogs logs;
    static String vkey;
    static String otherVkey;

    @TempDir
    Path dir;

    @BeforeAll
    static void backfillThreeLogs() throws Exception {
        logs = BackfilledLogs.create(shared);
        vkey = vkeyOf(logs.state());
        otherVkey = vkeyOf(logs.otherState());
        assertThat(vkey).isNotEqualTo(otherVkey);
    }

    @Test
    void untouchedArtifactVerifiesAgainstTheLogDirectory() throws Exception {
        CliRun run = verify(logs.download(dir), logs.log().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(checks(run)).isEqualTo(ALL_OK);
        assertThat(run.out()).contains("ok   file-in-sums: '" + ARTIFACT + "' sha256 ").endsWith("result: verified\n");
    }

    @Test
    void untouchedArtifactVerifiesAgainstTheLogServedOverHttp() throws Exception {
        Path file = logs.download(dir);
        try (StaticFileServer server = StaticFileServer.serve(logs.log(), "log")) {
            CliRun run = verify(file, server.url(), vkey);

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(checks(run)).isEqualTo(ALL_OK);
            assertThat(run.out()).contains("ok   consistency: " + server.url() + " at size ");
        }
    }

    @Test
    void changedArtifactFailsFileInSumsWhileTheSumsFileStillChecksOut() throws Exception {
        Path file = logs.download(dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        CliRun run = verify(file, logs.log().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("FAIL file-in-sums", "ok   receipt-signature", "ok   entry",
                "ok   inclusion", "ok   consistency", "result");
        assertThat(run.out()).contains("but '" + SUMS + "' lists ")
                .contains("result: NOT verified (failed: file-in-sums)");
    }

    @Test
    void renamedArtifactFailsFileInSumsAlthoughItsBytesAreListed() throws Exception {
        Path renamed = Files.move(logs.download(dir), dir.resolve("nova-27.1.1.tar.gz"));

        CliRun run = verify(renamed, logs.log().toString(), vkey, "--sums", dir.resolve(SUMS).toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL file-in-sums: 'nova-27.1.1.tar.gz' is not listed in '" + SUMS
                + "'; its bytes are listed as '" + ARTIFACT + "' (renamed?)");
    }

    @Test
    void listedNameWithAnotherListedFilesBytesFailsFileInSums() throws Exception {
        // The digest appears in the sums file, but for another name: the pair is what counts.
        Path file = logs.download(dir);
        Files.copy(logs.archive().resolve(BackfilledLogs.ARTIFACT_DIR).resolve(SIBLING_ARTIFACT), file,
                StandardCopyOption.REPLACE_EXISTING);

        CliRun run = verify(file, logs.log().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run).get(0)).isEqualTo("FAIL file-in-sums");
    }

    @Test
    void changedSumsFileFailsEntry() throws Exception {
        Path file = logs.download(dir);
        Path sums = dir.resolve(SUMS);
        // Swap a digest on another file's line: the artifact's own line still matches.
        String text = Files.readString(sums, StandardCharsets.UTF_8);
        String siblingLine = text.lines().filter(l -> l.endsWith("  " + SIBLING_ARTIFACT)).findFirst().orElseThrow();
        Files.writeString(sums, text.replace(siblingLine, "0".repeat(64) + "  " + SIBLING_ARTIFACT));

        CliRun run = verify(file, logs.log().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   receipt-signature", "FAIL entry", "result");
    }

    @Test
    void receiptFromAnotherLogFailsReceiptSignature() throws Exception {
        Path file = logs.download(dir);
        Path otherRelease = logs.otherOut().resolve(BackfilledLogs.ARTIFACT_DIR);
        // Same sums bytes, logged elsewhere: only the log differs.
        assertThat(dir.resolve(SUMS)).hasSameBinaryContentAs(otherRelease.resolve(SUMS));
        Files.copy(otherRelease.resolve(RECEIPT), dir.resolve(RECEIPT), StandardCopyOption.REPLACE_EXISTING);

        CliRun run = verify(file, logs.log().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL receipt-signature", "result");
        assertThat(run.out()).contains("no verifiable signatures");
    }

    @Test
    void wrongKeyFailsReceiptSignature() throws Exception {
        CliRun run = verify(logs.download(dir), logs.otherLog().toString(), otherVkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "FAIL receipt-signature", "result");
    }

    @Test
    void unreachableLogSkipsConsistencyAndStillVerifies() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/log";

        CliRun run = verify(logs.download(dir), url, vkey);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("skip consistency: log unreachable (" + url + ": ")
                .endsWith("result: verified, except consistency (skipped)\n");
    }

    @Test
    void forkedLogWithTheSameKeyFailsConsistency() throws Exception {
        assertThat(logs.forkLog().resolve("checkpoint")).content()
                .isNotEqualTo(Files.readString(logs.log().resolve("checkpoint")));

        CliRun run = verify(logs.download(dir), logs.forkLog().toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   receipt-signature", "ok   entry",
                "ok   inclusion", "FAIL consistency", "result");
    }

    @Test
    void rolledBackLogWithTheSameKeyFailsConsistency() throws Exception {
        Path rolledBack = logs.rolledBackLog(dir.resolve("rolled-back"), 20);

        CliRun run = verify(logs.download(dir.resolve("download")), rolledBack.toString(), vkey);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(checks(run)).containsExactly("ok   file-in-sums", "ok   receipt-signature", "ok   entry",
                "ok   inclusion", "FAIL consistency", "result");
        assertThat(run.out()).contains("new size 20 < old size");
    }

    private static CliRun verify(Path file, String log, String key, String... more) {
        List<String> args = new ArrayList<>(List.of("verify", file.toString(), "--log", log, "--vkey", key));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Each output line up to its first ':': the status and check name. */
    private static List<String> checks(CliRun run) {
        return run.out().lines().map(line -> line.substring(0, Math.max(0, line.indexOf(':')))).toList();
    }

    private static String vkeyOf(Path state) {
        CliRun run = CliRun.of("log-key", "--state", state.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run.out().lines().filter(l -> l.startsWith("vkey ")).findFirst().orElseThrow().substring(5);
    }
}
