package dev.sumlog.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.cli.InProcessBackfill;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.ListingServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A backfill over HTTP from a real server with a tight rate (4 requests a second, one at a time):
 * the output says it is waiting for the host's rate limit, in a line at most every few seconds, not
 * one per download.
 */
class RateLimitNoticeBackfillTest {

    private static final int FILES = 8;
    private static final long EVERY_SECONDS = 5;

    @TempDir
    Path dir;

    @Test
    void downloadsWaitingForTheHostsRateSaySoWithoutALinePerRequest() throws Exception {
        Path tree = dir.resolve("tree");
        for (int i = 0; i < FILES; i++) {
            Archives.sdist(tree.resolve("p/p" + i + "-1.0.tar.gz"), "release " + i);
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        long started;
        long seconds;
        try (ListingServer server = new ListingServer(tree, ListingServer.Style.APACHE_FANCY)) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (InProcessBackfill job = InProcessBackfill.start(dir.resolve("job"), "source: " + server.root()
                    + "\nout: out\nstate: state\nhttp:\n  rate: 4\n  concurrency: 1\n")) {
                started = System.nanoTime();
                RunResult result = job.runner().run();
                seconds = (System.nanoTime() - started) / 1_000_000_000L;
                assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
            } finally {
                System.setOut(original);
            }
            assertThat(server.fileGets()).hasSize(FILES);
            String output = captured.toString(StandardCharsets.UTF_8);
            original.print(output);
            List<String> waits = output.lines()
                    .filter(line -> line.startsWith("  downloads: waiting for the rate limit")).toList();

            assertThat(waits).as(output).isNotEmpty().allMatch(line -> line.equals(
                    "  downloads: waiting for the rate limit of host 127.0.0.1:" + server.root().getPort() + " (4/s)"));
            // FILES - 1 downloads waited (burst 1); the line came at once, then at most once per 5 s.
            assertThat(waits.size()).as(output).isLessThanOrEqualTo(1 + (int) (seconds / EVERY_SECONDS))
                    .isLessThan(FILES - 1);
        }
    }
}
