package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log that cannot take entries: the releases stay pending (not failed forever), the run names
 * them and exits 1, and the next run logs them.
 */
class UnreachableLogProcessTest {

    @TempDir
    Path dir;

    @Test
    void releasesStayPendingAndTheNextRunLogsThem() throws Exception {
        assumeTrue(!SumlogProcess.isRoot() || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "running as root without setpriv: cannot make the log directory unwritable");
        Path source = dir.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 9);
        // The log can write its checkpoint but not its tiles.
        Path tiles = dir.resolve("state/log/tile");
        Files.createDirectories(tiles);
        Files.setPosixFilePermissions(tiles, PosixFilePermissions.fromString("r-xr-xr-x"));
        String[] args = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString()};

        SumlogProcess.Result blocked = SumlogProcess.start(dir, List.of(), true, args).await(Duration.ofMinutes(2));

        assertThat(blocked.exitCode()).as(blocked.output()).isEqualTo(1);
        assertThat(blocked.output()).contains("release(s) stay pending")
                .contains("not logged yet: openstack/nova/nova-27.0.0.SHA256SUMS: ")
                .contains("are not logged yet; run the same command again to retry");
        assertThat(receipts()).isZero();

        Files.setPosixFilePermissions(tiles, PosixFilePermissions.fromString("rwxr-xr-x"));
        SumlogProcess.Result retried = SumlogProcess.run(dir, args);

        assertThat(retried.exitCode()).as(retried.output()).isZero();
        assertThat(retried.output()).doesNotContain("not logged yet");
        assertThat(receipts()).isEqualTo(33);
    }

    private long receipts() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            return files.filter(f -> f.toString().endsWith(".tlog-proof")).count();
        }
    }
}
