package dev.sumlog.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `sumlog status` after a killed run and after a completed one, in real processes. */
class StatusProcessTest {

    @TempDir
    Path dir;

    @Test
    void tellsWhatAReRunWouldResumeThenTheCountsOfTheCompletedRun() throws Exception {
        Path source = dir.resolve("archive");
        Archives.bigSdist(source.resolve("a/aa-big-1.0.tar.gz"), 300 << 20, 1);
        for (int i = 0; i < 20; i++) {
            Archives.sdist(source.resolve("n/nova-1." + i + ".0.tar.gz"), "n" + i);
            Trees.write(source.resolve("n/nova-1." + i + ".0.tar.gz.asc"), "s" + i);
        }
        Files.createDirectories(source.resolve("p"));
        new ProcessBuilder("mkfifo", source.resolve("p/pipe").toString()).start().waitFor();
        Path trace = dir.resolve("trace.txt");
        String[] backfill = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString(), "--threads", "1", "--chunk-size", "1", "--log-batch", "1"};

        SumlogProcess killed = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace), false, backfill);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(Files.exists(trace) && Files.readAllLines(trace).contains("a/aa-big-1.0.tar.gz"))) {
            assertThat(System.nanoTime()).as(killed.output()).isLessThan(deadline);
            Thread.sleep(5);
        }
        killed.sigkill();
        SumlogProcess.Result afterKill = SumlogProcess.run(dir, "status", "--state", dir.resolve("state").toString());

        assertThat(afterKill.exitCode()).as(afterKill.output()).isZero();
        // The kill lands while the big file is read; should it land just after its commit, 40 remain.
        assertThat(afterKill.output()).contains("STARTED, started")
                .containsPattern("re-running the same command recovers and resumes it: 4[01] files still to hash, "
                        + "21 releases still to write")
                .contains("files PENDING");

        assertThat(SumlogProcess.run(dir, backfill).exitCode()).isEqualTo(4);
        SumlogProcess.Result done = SumlogProcess.run(dir, "status", "--state", dir.resolve("state").toString());

        assertThat(done.output()).containsPattern("execution \\d+ COMPLETED")
                .containsPattern("execution 1 FAILED")
                .contains("files found 42, hashed 41 (314.6 MB), failed 0; releases written 21; skipped 1; alerts 0")
                .doesNotContain("still to hash")
                .containsPattern("files HASHED +41 +314.6 MB")
                .containsPattern("releases WRITTEN +21")
                .containsPattern("log sumlog.invalid/log LOGGED +21")
                .containsPattern("release n/nova-1\\.\\d+\\.0  rget [0-9a-f]{32}\\.[0-9a-f]{32}");
    }
}
