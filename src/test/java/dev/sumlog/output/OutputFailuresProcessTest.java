package dev.sumlog.output;

import static dev.sumlog.output.WriteIntoSourceProcessTest.assertNoStackTrace;
import static dev.sumlog.output.WriteIntoSourceProcessTest.assertSkipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Tmpfs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes that fail in a real process: a name the file system refuses skips that release only (exit
 * 4, the system's reason), while a full output tree stops the run with one line naming the file and
 * {@code ENOSPC} (exit 1), and the same command completes it once there is room.
 */
class OutputFailuresProcessTest {

    @TempDir
    Path dir;

    @Test
    void releasesWhoseSumsOrReceiptNameIsTooLongAreSkippedAndTheOthersAreLogged() throws Exception {
        Path source = dir.resolve("archive");
        Path out = dir.resolve("out");
        String longSums = "p" + "a".repeat(243) + "-1.0";   // tarball 255 bytes, sums file 259
        String longReceipt = "q" + "b".repeat(235) + "-1.0"; // tarball 247 bytes, sums 251, receipt 262
        assertThat((longSums + ".tar.gz").length()).isEqualTo(255);
        assertThat((longReceipt + ".tar.gz").length()).isEqualTo(247);
        Archives.sdist(source.resolve(longSums + ".tar.gz"), "one");
        Archives.sdist(source.resolve(longReceipt + ".tar.gz"), "two");
        Archives.sdist(source.resolve("nova-1.0.tar.gz"), "nova");
        String[] args = {"backfill", "--source", source.toString(), "--out", out.toString(),
                "--state", dir.resolve("state").toString()};
        // The receipt's name is checked before the sums file is written, so both name the receipt.
        List<String> skipped = Stream.of(longSums, longReceipt).map(release -> "skipped: " + release
                + ": sums not written: " + out.resolve(release + ".SHA256SUMS.tlog-proof") + ": File name too long").toList();

        for (int run = 1; run <= 2; run++) {
            SumlogProcess.Result result = SumlogProcess.run(dir, args);

            assertSkipped(result, skipped, "backfill complete, 2 input(s) skipped");
            assertThat(listing(out)).as("run %d", run).containsExactly("nova-1.0.SHA256SUMS", "nova-1.0.SHA256SUMS.tlog-proof");
            assertThat(logSize()).as("only the normal release is logged, once").isEqualTo(1);
        }
    }

    @Test
    void aFullOutputTreeStopsTheRunWithOneLineAndTheSameCommandCompletesItLater() throws Exception {
        Path source = dir.resolve("archive");
        int releases = 700;
        for (int i = 0; i < releases; i++) {
            Archives.sdist(source.resolve("d" + i % 4 + "/p" + i + "-1.0.tar.gz"), "release " + i);
        }
        Path mount = Tmpfs.mount(dir.resolve("mnt"), "size=8m");
        try {
            Path out = mount.resolve("out");
            Path filler = mount.resolve("filler");
            // Leave 1.2 MiB: more than the pre-flight's 1 MiB, far less than 1,400 files of a 4 KiB page each.
            long fill = Files.getFileStore(mount).getUsableSpace() - 1_258_291;
            try (OutputStream stream = Files.newOutputStream(filler)) {
                byte[] block = new byte[64 * 1024];
                for (long written = 0; written < fill; written += block.length) {
                    stream.write(block, 0, (int) Math.min(block.length, fill - written));
                }
            }
            String[] args = {"backfill", "--source", source.toString(), "--out", out.toString(),
                    "--state", dir.resolve("state").toString()};

            SumlogProcess.Result full = SumlogProcess.run(dir, args);

            assertThat(full.exitCode()).as(full.output()).isEqualTo(1);
            List<String> enospc = full.output().lines().filter(l -> l.contains("No space left on device")).toList();
            assertThat(enospc).as(full.output()).singleElement().asString().matches(
                    "backfill failed: cannot write the output tree: " + Pattern.quote(out + "/")
                            + "\\S+: No space left on device; run the same command again to resume");
            assertNoStackTrace(full);

            Files.delete(filler);
            SumlogProcess.Result resumed = SumlogProcess.run(dir, args);

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertNoStackTrace(resumed);
            Set<Long> indexes = new HashSet<>();
            for (int i = 0; i < releases; i++) {
                Path sums = out.resolve("d" + i % 4 + "/p" + i + "-1.0.SHA256SUMS");
                assertThat(Files.readString(sums)).endsWith("  p" + i + "-1.0.tar.gz\n");
                String receipt = Files.readString(sums.resolveSibling(sums.getFileName() + ".tlog-proof"));
                indexes.add(Long.parseLong(receipt.lines().filter(l -> l.startsWith("index ")).findFirst()
                        .orElseThrow().substring("index ".length())));
            }
            assertThat(logSize()).isEqualTo(releases);
            assertThat(indexes).as("one entry per release").isEqualTo(
                    LongStream.range(0, releases).boxed().collect(Collectors.toSet()));
        } finally {
            Tmpfs.unmount(mount);
        }
    }

    private static List<String> listing(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private long logSize() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.resolve("state/log/checkpoint")).get(1));
    }
}
