package dev.sumlog.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an admin sees of a run, in real processes: `status` while a backfill holds the catalog, the
 * run numbers both print, an include glob that matches nothing, and per-directory release names.
 */
class WatchingARunProcessTest {

    @TempDir
    Path dir;

    @Test
    void statusShowsTheRunningBackfillsProgressWithItsTotal() throws Exception {
        Path source = dir.resolve("archive");
        for (int i = 0; i < 3000; i++) {
            // Long names: 3000 trace lines are over 130 KB, twice what a Linux pipe buffers (64 KiB).
            Archives.sdist(source.resolve("directory-with-a-rather-long-name-" + (i % 10) + "/pkg" + i + "-1.0.tar.gz"),
                    "file " + i);
        }
        Path state = dir.resolve("state");
        // The hash trace is a FIFO the test opens but never reads: once the pipe is full (about
        // 1400 of these paths), the hash step blocks mid-step, holding the catalog.
        Path fifo = dir.resolve("trace");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        SumlogProcess running = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + fifo,
                        "-Dsumlog.progress-interval-seconds=0"), false, "backfill", "--source", source.toString(),
                "--out", dir.resolve("out").toString(), "--state", state.toString(), "--threads", "1", "--chunk-size", "10", "--log-batch", "10");
        AtomicReference<InputStream> reader = new AtomicReference<>();
        Thread opener = new Thread(() -> {
            try {
                reader.set(new FileInputStream(fifo.toFile()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        opener.start();
        try {
            Path progress = state.resolve("progress");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!(Files.exists(progress) && Files.readString(progress, StandardCharsets.UTF_8).matches("(?s).*hash: \\d+ of 3000.*"))) {
                assertThat(System.nanoTime()).as(running.output()).isLessThan(deadline);
                Thread.sleep(50);
            }

            SumlogProcess.Result status = SumlogProcess.run(dir, "status", "--state", state.toString());

            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).startsWith("a backfill is running in " + state + " (pid " + running.pid())
                    .containsPattern("run 1, pid " + running.pid() + ", at \\S+\nhash: \\d+ of 3000");
            assertThat(running.isAlive()).isTrue();
            assertThat(running.output()).contains("  crawl: completed, 3000 items").containsPattern("  hash: \\d+ of 3000");
        } finally {
            running.sigkill();
            opener.join(5000);
            if (reader.get() != null) {
                reader.get().close();
            }
        }
    }

    @Test
    void anIncludeThatMatchesNothingIsReportedAndPerDirectoryNamesHaveNoDanglingDash() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("dist/v1.0/tool.tar.gz"), "tool");
        Trees.write(source.resolve("dist/v1.0/NOTES"), "notes");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                source: archive
                out: out
                state: state
                layout: per-directory
                include: ["dist/**", "dsit/**"]
                """);

        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--job", job.toString());
        var stateBefore = Trees.digests(dir.resolve("state"));
        SumlogProcess.Result status = SumlogProcess.run(dir, "status", "--state", dir.resolve("state").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("note: include 'dsit/**': matched no file in ")
                .doesNotContain("include 'dist/**'");
        assertThat(status.output()).contains("  run 1: ")
                .containsPattern("release dist/v1\\.0/v1-0  rget [0-9a-f]{32}\\.[0-9a-f]{32}")
                .doesNotContain("v1-0-");
        assertThat(dir.resolve("out/dist/v1.0/SHA256SUMS")).exists();
        assertThat(Trees.digests(dir.resolve("state"))).as("status opens the catalog read-only").isEqualTo(stateBefore);
    }
}
