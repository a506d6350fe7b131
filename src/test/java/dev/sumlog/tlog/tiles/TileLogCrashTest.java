package dev.sumlog.tlog.tiles;

import static dev.sumlog.tlog.tiles.TileLogTest.ORIGIN;
import static dev.sumlog.tlog.tiles.TileLogTest.SIGNER;
import static dev.sumlog.tlog.tiles.TileLogTest.TRUSTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulates a crash during {@link TileLog#append} at any point before the checkpoint rename:
 * the files the append created are kept or deleted at random (every file is written
 * atomically, so each is either complete or absent) and the old checkpoint stays.
 */
class TileLogCrashTest {

    @TempDir
    Path tmp;

    @Test
    void crashBeforeTheCheckpointLeavesTheOldLogAndTheNextAppendContinuesTheTree() throws IOException {
        Random random = new Random(1337);
        for (int c = 0; c < 25; c++) {
            int prefix = random.nextInt(600);
            int doomed = 1 + random.nextInt(600);
            int suffix = 1 + random.nextInt(300);
            Path dir = tmp.resolve("crash-" + c);
            TileLog log = TileLog.open(dir, SIGNER, ORIGIN);
            if (prefix > 0) {
                log.append(LogFixtures.entries(0, prefix));
            }
            Map<Path, byte[]> before = snapshot(dir);

            // Different bytes from what will finally sit at these indexes.
            log.append(LogFixtures.entries(1_000_000, doomed));
            Map<Path, byte[]> after = snapshot(dir);
            assertPublishedFilesUnchanged(dir, before, after);
            List<Path> created = new ArrayList<>(after.keySet());
            created.removeAll(before.keySet());
            assertThat(created).as("a partial tile or bundle beyond the old checkpoint")
                    .anyMatch(p -> p.toString().contains(".p/"));
            for (Path file : created) {
                if (random.nextBoolean() || c == 0) {
                    Files.delete(dir.resolve(file));
                }
            }
            Files.write(dir.resolve("checkpoint"), before.get(Path.of("checkpoint")));

            // The old checkpoint is still consistent with what is on disk.
            assertThat(TileReader.open(new FileTileFetcher(dir), TRUSTED, ORIGIN).size()).isEqualTo(prefix);
            TileLog recovered = TileLog.open(dir, SIGNER, ORIGIN);
            assertThat(recovered.size()).isEqualTo(prefix);
            recovered.append(LogFixtures.entries(prefix, suffix));

            TileLog reference = TileLog.open(tmp.resolve("reference-" + c), SIGNER, ORIGIN);
            reference.append(LogFixtures.entries(0, prefix + suffix));
            assertThat(recovered.checkpointNote()).as("case %d", c).isEqualTo(reference.checkpointNote());
            long probe = random.nextInt(prefix + suffix);
            assertThat(recovered.entry(probe)).isEqualTo(LogFixtures.entry(probe));
            assertThat(TileLog.open(dir, SIGNER, ORIGIN).size()).isEqualTo(prefix + suffix);
        }
    }

    /** Apart from {@code checkpoint}, an append must not rewrite a file the old checkpoint needs. */
    private static void assertPublishedFilesUnchanged(Path dir, Map<Path, byte[]> before, Map<Path, byte[]> after) {
        before.forEach((file, bytes) -> {
            if (!file.equals(Path.of("checkpoint"))) {
                assertThat(Arrays.equals(after.get(file), bytes)).as("%s unchanged", file).isTrue();
            }
        });
    }

    private static Map<Path, byte[]> snapshot(Path dir) throws IOException {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
