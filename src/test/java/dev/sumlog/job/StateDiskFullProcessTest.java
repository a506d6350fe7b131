package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory (the H2 catalog) filling mid-run, on a real tmpfs: one line naming the catalog
 * and the cause, exit 1, no stack trace; once there is room, the same command resumes and completes
 * with one log entry per release.
 */
class StateDiskFullProcessTest {

    @TempDir
    Path dir;

    @Test
    void aFullStateDirectoryStopsWithOneLineAndTheSameCommandCompletesOnceThereIsRoom() throws Exception {
        Path source = dir.resolve("archive");
        FixtureGenerator.generate(source, Tier.MANY_SMALL.with(4000, 64), 1);
        Path state = dir.resolve("state");
        Tmpfs.mount(state, "size=4m");
        try {
            // Leave room for the migrated schema (1.3 MB was too little once V5 came, 2 MB once V6 came) and a
            // little more: the catalog outgrows it mid-crawl.
            Path filler = state.resolve("filler");
            Files.write(filler, new byte[(int) (Files.getFileStore(state).getUsableSpace() - 3_000_000)]);
            String[] backfill = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                    "--state", state.toString()};

            SumlogProcess.Result full = SumlogProcess.run(dir, backfill);

            assertThat(full.exitCode()).as(full.output()).isEqualTo(1);
            assertThat(full.output()).doesNotContain("Exception", "\tat ")
                    .contains("backfill failed: the catalog in " + state + ": ")
                    .containsIgnoringCase("no space left on device");
            assertThat(full.output().lines().filter(l -> l.startsWith("sumlog: ") || l.startsWith("backfill failed"))
                    .toList()).hasSize(1);

            Files.delete(filler);
            Tmpfs.remount(state, "size=512m");
            SumlogProcess.Result resumed = SumlogProcess.run(dir, backfill);

            assertThat(resumed.exitCode()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("recovering run 1").contains("backfill complete");
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                assertThat(files.filter(p -> p.toString().endsWith(".SHA256SUMS"))).hasSize(2000);
            }
            List<String> checkpoint = Files.readAllLines(state.resolve("log/checkpoint"));
            assertThat(checkpoint.get(1)).as("one entry per release").isEqualTo("2000");
        } finally {
            Tmpfs.unmount(state);
        }
    }
}
