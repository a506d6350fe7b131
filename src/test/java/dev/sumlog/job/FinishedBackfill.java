package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.submit.ReleaseEntry;
import dev.sumlog.testing.Trees;
import dev.sumlog.tlog.note.Ed25519NoteSigner;
import dev.sumlog.tlog.note.NoteKeys;
import dev.sumlog.tlog.note.NoteVerifiers;
import dev.sumlog.tlog.tiles.FileTileFetcher;
import dev.sumlog.tlog.tiles.TileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks on a backfill that has finished: its log, its sums files against the source, its trees against a reference. */
final class FinishedBackfill {

    private FinishedBackfill() {
    }

    /**
     * Paths whose digest differs between the two trees, or that only one of them has: a short
     * failure message, where comparing the maps would print two maps of thousands of entries.
     */
    static Set<String> differences(Map<String, String> actual, Map<String, String> expected) {
        Set<String> paths = new TreeSet<>(actual.keySet());
        paths.addAll(expected.keySet());
        paths.removeIf(p -> Objects.equals(actual.get(p), expected.get(p)));
        return paths;
    }

    /**
     * Reads every entry of the embedded log through the tile reader (checkpoint signature, tiles and
     * entry bundles verified) and returns the sums path each entry names, asserting that none is named twice.
     */
    static List<String> loggedSumsPaths(Path state) throws Exception {
        Ed25519NoteSigner key = NoteKeys.parseSignerKey(Files.readString(state.resolve("log-signer.key")).trim());
        TileReader log = TileReader.open(new FileTileFetcher(state.resolve("log")), NoteVerifiers.of(key.verifier()),
                key.name());
        List<String> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < log.size(); i++) {
            String sums = ReleaseEntry.parse(log.entry(i)).sumsPath();
            assertThat(seen.add(sums)).as("log entry %d names %s, already logged", i, sums).isTrue();
            paths.add(sums);
        }
        return paths;
    }

    /**
     * Runs GNU {@code sha256sum -c --strict} on every sums and snapshot file under {@code out}, from
     * the source directory it describes (one call per directory), and returns the number of files it
     * checked OK, which must be every line of every file.
     */
    static int gnuCheck(Path out, Path source) throws Exception {
        Map<Path, List<String>> byDirectory = new TreeMap<>();
        int lines = 0;
        List<String> files = new ArrayList<>(Trees.endingIn(out, "SHA256SUMS"));
        files.addAll(Trees.endingIn(out, ".SHA256SUMS.snapshot"));
        for (String sums : files) {
            Path directory = Path.of(sums).getParent();
            byDirectory.computeIfAbsent(directory == null ? Path.of("") : directory, d -> new ArrayList<>())
                    .add(out.resolve(sums).toString());
            lines += Files.readAllLines(out.resolve(sums)).size();
        }
        int ok = 0;
        for (Map.Entry<Path, List<String>> directory : byDirectory.entrySet()) {
            List<String> command = new ArrayList<>(List.of("sha256sum", "-c", "--strict"));
            command.addAll(directory.getValue());
            Process check = new ProcessBuilder(command).directory(source.resolve(directory.getKey().toString()).toFile())
                    .redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as("sha256sum -c --strict in %s:%n%s", directory.getKey(), said).isZero();
            ok += (int) said.lines().filter(l -> l.endsWith(": OK")).count();
        }
        assertThat(ok).as("files checked OK").isEqualTo(lines).isPositive();
        return ok;
    }
}
