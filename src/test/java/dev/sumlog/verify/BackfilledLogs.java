package dev.sumlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.submit.LogKeyStore;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.TileLog;
import dev.sumlog.tlog.tiles.TileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Three real logs built by real {@code sumlog backfill} processes, for verify tests:
 * <ul>
 *   <li>{@code main}: the SMALL fixture, the log a downstream user trusts;</li>
 *   <li>{@code other}: the same fixture in another state directory, hence another key and log;</li>
 *   <li>{@code fork}: the main log's key copied into a new state directory and used on a different
 *       tree (seed 2), so a log signed by the trusted key whose history is not the main one.</li>
 * </ul>
 */
record BackfilledLogs(Path archive, Path out, Path state, Path otherOut, Path otherState, Path forkState) {

    static final String KEY_FILE = "log-signer.key";
    static final String ARTIFACT_DIR = "openstack/nova";
    static final String ARTIFACT = "nova-27.1.0.tar.gz";
    static final String SIBLING_ARTIFACT = "nova-27.1.0-py3-none-any.whl";
    static final String SUMS = "nova-27.1.0.SHA256SUMS";
    static final String RECEIPT = SUMS + ".tlog-proof";

    static BackfilledLogs create(Path root) throws Exception {
        BackfilledLogs logs = new BackfilledLogs(root.resolve("archive"), root.resolve("out"), root.resolve("state"),
                root.resolve("other-out"), root.resolve("other-state"), root.resolve("fork-state"));
        FixtureGenerator.generate(logs.archive, Tier.SMALL, 1);
        // Independent logs: run both backfills at once to halve the setup time.
        SumlogProcess main = backfill(root, logs.archive, logs.out, logs.state);
        SumlogProcess other = backfill(root, logs.archive, logs.otherOut, logs.otherState);
        requireSuccess(main);
        requireSuccess(other);

        Path forkArchive = root.resolve("fork-archive");
        FixtureGenerator.generate(forkArchive, Tier.SMALL, 2);
        Files.createDirectories(logs.forkState);
        Files.copy(logs.state.resolve(KEY_FILE), logs.forkState.resolve(KEY_FILE));
        requireSuccess(backfill(root, forkArchive, root.resolve("fork-out"), logs.forkState));
        return logs;
    }

    Path log() {
        return state.resolve("log");
    }

    Path otherLog() {
        return otherState.resolve("log");
    }

    Path forkLog() {
        return forkState.resolve("log");
    }

    /**
     * The main log as if rolled back to its first {@code size} entries: the same entries, re-signed
     * with the main log's own key, as an operator (or a thief of the key) could publish it.
     */
    Path rolledBackLog(Path into, int size) throws Exception {
        Ed25519NoteSigner signer = LogKeyStore.load(state);
        TileReader main = TileReader.open(new FileTileFetcher(log()), NoteVerifiers.of(signer.verifier()),
                signer.name());
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(main.entry(i));
        }
        TileLog.open(into, signer, signer.name()).append(entries);
        return into;
    }

    /** What a downstream user downloads: the artifact from the archive, its sums file and receipt from the output. */
    Path download(Path into) throws Exception {
        Files.createDirectories(into);
        Files.copy(archive.resolve(ARTIFACT_DIR).resolve(ARTIFACT), into.resolve(ARTIFACT));
        Files.copy(out.resolve(ARTIFACT_DIR).resolve(SUMS), into.resolve(SUMS));
        Files.copy(out.resolve(ARTIFACT_DIR).resolve(RECEIPT), into.resolve(RECEIPT));
        return into.resolve(ARTIFACT);
    }

    private static SumlogProcess backfill(Path workDir, Path source, Path out, Path state) throws Exception {
        return SumlogProcess.start(workDir, List.of(), false, "backfill", "--source", source.toString(),
                "--out", out.toString(), "--state", state.toString());
    }

    private static void requireSuccess(SumlogProcess process) throws Exception {
        SumlogProcess.Result result = process.await(Duration.ofMinutes(5));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
