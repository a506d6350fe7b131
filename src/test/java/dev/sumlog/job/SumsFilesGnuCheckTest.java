package dev.sumlog.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.SmallTier;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.SumlogProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the backfill writes for the fixture tree passes the real GNU {@code sha256sum -c
 * --strict}, in both layouts, and with the sums written into the source tree itself.
 */
class SumsFilesGnuCheckTest {

    @TempDir
    Path dir;
    Path source;

    @BeforeEach
    void fixture() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "GNU sha256sum not installed");
        source = dir.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 1);
    }

    @Test
    void flatLayoutSumsFilesPassGnuSha256sumCheck() throws Exception {
        Path out = dir.resolve("out");
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--source", source.toString(),
                "--out", out.toString(), "--state", dir.resolve("state").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("note: " + SmallTier.ORPHAN_SIGNATURE + ": sidecar without its subject file")
                .contains("note: " + SmallTier.README + ": unclassified");
        int escaped = checkAll(out);
        assertThat(escaped).as("escaped names exercised").isGreaterThanOrEqualTo(2);
        assertThat(out.resolve("openstack/python-novaclient/python-novaclient-17.0.0.SHA256SUMS")).exists();
        assertThat(out.resolve("openstack/python-novaclient/python-novaclient-18.11.0.SHA256SUMS")).exists();
        assertThat(Files.readString(out.resolve("openstack/oslo.config/oslo-config-9.0.0.SHA256SUMS")))
                .contains("  oslo.config-9.0.0").contains("  oslo_config-9.0.0");
    }

    @Test
    void perDirectoryLayoutWritesOneSha256sumsPerDirectoryThatPassesTheCheck() throws Exception {
        Path out = dir.resolve("out");
        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--source", source.toString(),
                "--out", out.toString(), "--state", dir.resolve("state").toString(), "--layout", "per-directory");

        assertThat(run.exitCode()).as(run.output()).isZero();
        checkAll(out);
        assertThat(Files.readString(out.resolve("openstack/nova/SHA256SUMS")))
                .contains("  nova-27.0.0.tar.gz\n").contains("  README\n").doesNotContain("nova-master");
        assertThat(out.resolve("openstack/nova/nova-27.0.0.SHA256SUMS")).doesNotExist();
    }

    @Test
    void sumsWrittenIntoTheSourceAreNotTakenForArchiveContentOnTheNextRun() throws Exception {
        Path job = dir.resolve("in-place.yml");
        Files.writeString(job, "source: archive\nout: archive\nstate: state\nwrite-into-source: true\n");

        SumlogProcess.Result first = SumlogProcess.run(dir, "backfill", "--job", job.toString());
        SumlogProcess.Result second = SumlogProcess.run(dir, "backfill", "--job", job.toString());

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("hash: completed, 0 items").contains("submit: completed, 0 items");
        checkAll(source);
        assertThat(Files.readString(source.resolve("openstack/nova/nova-27.0.0.SHA256SUMS")))
                .doesNotContain("SHA256SUMS").doesNotContain("tlog-proof");
    }

    /** Runs {@code sha256sum -c --strict} on every sums and snapshot file; returns how many escaped lines. */
    private int checkAll(Path out) throws Exception {
        List<Path> sumsFiles;
        try (Stream<Path> files = Files.walk(out)) {
            sumsFiles = files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith("SHA256SUMS") || name.endsWith(".snapshot");
            }).sorted().toList();
        }
        assertThat(sumsFiles).hasSizeGreaterThan(5);
        int escaped = 0;
        for (Path sums : sumsFiles) {
            Path releaseDir = source.resolve(out.relativize(sums.getParent()).toString());
            Process check = new ProcessBuilder("sha256sum", "-c", "--strict", sums.toString())
                    .directory(releaseDir.toFile()).redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as("sha256sum -c %s:%n%s", sums, said).isZero();
            escaped += (int) Files.readString(sums).lines().filter(l -> l.startsWith("\\")).count();
        }
        return escaped;
    }
}
