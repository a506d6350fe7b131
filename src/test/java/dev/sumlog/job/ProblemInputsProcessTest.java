package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import dev.sumlog.testing.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs in a real child process: each is reported by name, the rest of the archive is done,
 * and the exit code is 4.
 */
class ProblemInputsProcessTest {

    @TempDir
    Path dir;

    @Test
    void unreadableVanishingGrowingLoopAndFifoAreReportedAndRunCompletesWithExit4() throws Exception {
        assumeTrue(!SumlogProcess.isRoot() || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "running as root without setpriv: cannot make a file unreadable");
        Path source = dir.resolve("archive");
        Path trace = dir.resolve("trace.txt");
        // Hashed first (tree order, one thread, one file per chunk), so the test can act while it is read.
        Archives.bigSdist(source.resolve("a/aa-big-1.0.tar.gz"), 200 << 20, 1);
        writeRandom(source.resolve("m/grow-1.0.tar.gz"), 64 << 20);
        Archives.sdist(source.resolve("n/nova-1.0.tar.gz"), "fine");
        Trees.write(source.resolve("n/nova-1.0.tar.gz.asc"), "sig");
        Files.createDirectories(source.resolve("p"));
        new ProcessBuilder("mkfifo", source.resolve("p/pipe").toString()).start().waitFor();
        Files.createDirectories(source.resolve("q"));
        Files.createSymbolicLink(source.resolve("q/loop1"), Path.of("loop2"));
        Files.createSymbolicLink(source.resolve("q/loop2"), Path.of("loop1"));
        Path unreadable = source.resolve("u/unreadable-1.0.tar.gz");
        Trees.write(unreadable, "secret");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        Path vanishing = source.resolve("z/vanish-1.0.tar.gz");
        Trees.write(vanishing, "soon gone");
        Trees.write(source.resolve("y/swapped-1.0.tar.gz"), "inside");
        Trees.write(dir.resolve("outside/swapped-1.0.tar.gz"), "a file outside the archive");

        AtomicBoolean running = new AtomicBoolean(true);
        Thread grower = new Thread(() -> appendUntilStopped(source.resolve("m/grow-1.0.tar.gz"), running));
        grower.start();
        SumlogProcess sumlog = SumlogProcess.start(dir, List.of("-Dsumlog.hash-trace=" + trace), true,
                "backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString(), "--threads", "1", "--chunk-size", "1");
        try {
            awaitTraceLine(trace, "a/aa-big-1.0.tar.gz", sumlog);
            Files.delete(vanishing);
            // A directory swapped for a link out of the archive between crawl and hash.
            Files.delete(source.resolve("y/swapped-1.0.tar.gz"));
            Files.delete(source.resolve("y"));
            Files.createSymbolicLink(source.resolve("y"), dir.resolve("outside"));
            SumlogProcess.Result result = sumlog.await(Duration.ofMinutes(3));

            assertThat(result.exitCode()).as(result.output()).isEqualTo(4);
            assertThat(result.output())
                    .contains("skipped: m/grow-1.0.tar.gz: file kept changing while it was read")
                    .contains("skipped: p/pipe: FIFO")
                    .contains("skipped: q/loop1: symlink loop")
                    .contains("skipped: q/loop2: symlink loop")
                    .contains("skipped: u/unreadable-1.0.tar.gz: cannot read: permission denied")
                    .contains("skipped: z/vanish-1.0.tar.gz: vanished before it could be read")
                    .contains("skipped: y/swapped-1.0.tar.gz: now leads outside the archive root")
                    .contains("backfill complete");
            assertThat(dir.resolve("out/n/nova-1.0.SHA256SUMS")).exists();
            assertThat(dir.resolve("out/a/aa-big-1.0.SHA256SUMS")).exists();
            assertThat(dir.resolve("out/u/unreadable-1.0.SHA256SUMS")).doesNotExist();
        } finally {
            running.set(false);
            grower.join();
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void secondProcessOnTheSameStateDirectoryIsRefused() throws Exception {
        Path source = dir.resolve("archive");
        Trees.write(source.resolve("nova-1.0.tar.gz"), "x");
        Path state = dir.resolve("state");
        SumlogProcess first = SumlogProcess.startHoldingStateLock(dir, source, state);
        try {

            long started = System.nanoTime();
            SumlogProcess.Result second = SumlogProcess.run(dir, "backfill", "--source", source.toString(),
                    "--out", dir.resolve("out2").toString(), "--state", state.toString());

            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.output()).contains("is in use by another sumlog process (pid " + first.pid());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(first.isAlive()).isTrue();
        } finally {
            first.sigkill();
        }
    }

    static void awaitTraceLine(Path trace, String line, SumlogProcess process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(Files.exists(trace) && Files.readAllLines(trace).contains(line))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("never saw " + line + " being hashed; output:\n" + process.output());
            }
            Thread.sleep(5);
        }
    }

    private static void writeRandom(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] block = new byte[1 << 20];
        new Random(file.toString().hashCode()).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < bytes; written += block.length) {
                out.write(block, 0, Math.min(block.length, bytes - written));
            }
        }
    }

    private static void appendUntilStopped(Path file, AtomicBoolean running) {
        byte[] more = new byte[4096];
        while (running.get()) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                out.write(more);
                Thread.sleep(1);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }
}
