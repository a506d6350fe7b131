package dev.sumlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifier;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.TileLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sumlog log-key} on a state directory laid out as a backfill leaves it (key file, log
 * written by {@link TileLog}); {@link VerifyCommandTest} also uses it on real backfills.
 */
class LogKeyCommandTest {

    @TempDir
    Path state;

    @Test
    void printsTheOriginAndTheVerifierKeyButNeverThePrivateKey() throws Exception {
        Ed25519NoteSigner signer = LogKeyStore.loadOrCreate(state, "example.invalid/log");

        CliRun run = CliRun.of("log-key", "--state", state.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).isEqualTo("origin example.invalid/log\nvkey " + signer.verifier().verifierKey() + "\n");
        // PRIVATE+KEY+<name>+<id>+<base64>: the base64 itself may hold '+', so split at most 5 ways.
        String seed = signer.signerKey().split("\\+", 5)[4];
        assertThat(run.out() + run.err()).doesNotContain("PRIVATE").doesNotContain(seed);
    }

    @Test
    void printedVerifierKeyVerifiesTheLogsCheckpoint() throws Exception {
        Ed25519NoteSigner signer = LogKeyStore.loadOrCreate(state, "example.invalid/log");
        TileLog.open(state.resolve("log"), signer, signer.name())
                .append(List.of("entry 0\n".getBytes(StandardCharsets.UTF_8),
                        "entry 1\n".getBytes(StandardCharsets.UTF_8)));

        List<String> lines = CliRun.of("log-key", "--state", state.toString()).out().lines().toList();

        assertThat(lines).hasSize(2).first().isEqualTo("origin example.invalid/log");
        assertThat(lines.get(1)).startsWith("vkey ");
        NoteVerifier verifier = NoteKeys.parseVerifierKey(lines.get(1).substring("vkey ".length()));
        Checkpoint checkpoint = Checkpoint.fromSignedNote(Files.readAllBytes(state.resolve("log/checkpoint")),
                NoteVerifiers.of(verifier));
        assertThat(checkpoint.origin()).isEqualTo(verifier.name()).isEqualTo("example.invalid/log");
        assertThat(checkpoint.size()).isEqualTo(2);
    }

    @Test
    void stateWithoutAKeyIsAOneLineUsageError() {
        CliRun run = CliRun.of("log-key", "--state", state.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sumlog: no log key in " + state + " (it is created by the first backfill)\n");
    }

    @Test
    void missingStateDirectoryIsAUsageError() {
        CliRun run = CliRun.of("log-key", "--state", state.resolve("absent").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sumlog: --state: no state directory at ").hasLineCount(1);
    }

    @Test
    void damagedKeyFileIsAUsageErrorThatDoesNotEchoIt() throws Exception {
        Files.writeString(state.resolve("log-signer.key"), "PRIVATE+KEY+x+zz+c2VjcmV0\n");

        CliRun run = CliRun.of("log-key", "--state", state.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("sumlog: the log key in " + state + " is damaged: ").doesNotContain("c2VjcmV0")
                .hasLineCount(1);
    }
}
