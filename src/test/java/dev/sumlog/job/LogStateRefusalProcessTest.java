package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that must not be appended to, in a real process: a lost key, another log's key, a damaged
 * checkpoint, a damaged tile or entry bundle. Each exits 2 with one line naming the file, before
 * anything starts: no key is made, the log is left as it was.
 */
class LogStateRefusalProcessTest {

    @TempDir
    Path dir;

    @Test
    void aLostOrForeignKeyAndADamagedCheckpointOrTileAreRefusedNamingTheFile() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("nova-1.0.tar.gz"), "nova");
        Archives.sdist(source.resolve("glance-1.0.tar.gz"), "glance");
        Path state = dir.resolve("state");
        Path log = state.resolve("log");
        Path key = state.resolve("log-signer.key");
        String[] args = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", state.toString()};
        // Two independent backfills at once: the log under test, and another log with its own key.
        SumlogProcess main = SumlogProcess.start(dir, List.of(), false, args);
        SumlogProcess other = SumlogProcess.start(dir, List.of(), false, "backfill", "--source",
                source.toString(), "--out", dir.resolve("other-out").toString(), "--state", dir.resolve("other").toString());
        for (SumlogProcess p : new SumlogProcess[] {main, other}) {
            SumlogProcess.Result done = p.await(Duration.ofMinutes(5));
            assertThat(done.exitCode()).as(done.output()).isZero();
        }
        Map<String, String> logFiles = Trees.digests(log);
        byte[] ownKey = Files.readAllBytes(key);

        Files.delete(key);
        assertRefused(SumlogProcess.run(dir, args), "sumlog: the log in " + log + " exists, but its signing key " + key
                + " is missing; restore the key from a backup (sumlog never makes a new key for an existing log)");
        assertThat(key).as("no new key made over the existing log").doesNotExist();
        assertRefused(SumlogProcess.run(dir, "log-key", "--state", state.toString()),
                "sumlog: no log key in " + state + " (it is created by the first backfill)");
        assertThat(key).doesNotExist();

        Files.copy(dir.resolve("other/log-signer.key"), key);
        assertRefused(SumlogProcess.run(dir, args), "sumlog: log key " + key + " does not sign the log's checkpoint "
                + log.resolve("checkpoint") + " (a key from another log?); restore the log's own key");
        Files.write(key, ownKey);
        assertThat(Trees.digests(log)).isEqualTo(logFiles);

        Path checkpoint = log.resolve("checkpoint");
        byte[] signed = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(signed, 10));
        assertRefused(SumlogProcess.run(dir, args), "sumlog: checkpoint " + checkpoint
                + " is damaged: note: malformed: no blank line between text and signatures");
        Files.write(checkpoint, signed);

        Path tile = only(log.resolve("tile/0"));
        byte[] hashes = Files.readAllBytes(tile);
        Files.writeString(tile, "junk of another size");
        assertRefused(SumlogProcess.run(dir, args), "sumlog: the log in " + log + " is damaged: tile: "
                + log.relativize(tile) + " is 20 bytes, want " + hashes.length);
        Files.write(tile, hashes);

        Path bundle = only(log.resolve("tile/entries"));
        byte[] entries = Files.readAllBytes(bundle);
        Files.writeString(bundle, "junk");
        assertRefused(SumlogProcess.run(dir, args), "sumlog: the log in " + log + " is damaged: entry bundle: entry 0 truncated");
        Files.write(bundle, entries);

        assertThat(Trees.digests(log)).as("no refused run touched the log").isEqualTo(logFiles);
        assertThat(key).hasBinaryContent(ownKey);
    }

    private static void assertRefused(SumlogProcess.Result result, String line) {
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().lines().toList()).as("exactly one line, no stack trace").containsExactly(line);
    }

    /** The one file under {@code directory} (a two-entry log has one partial tile per level). */
    private static Path only(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).reduce((a, b) -> {
                throw new AssertionError("more than one file under " + directory + ": " + a + ", " + b);
            }).orElseThrow();
        }
    }
}
