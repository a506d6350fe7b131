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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file the backfill writes for the fixture tree passes the real GNU {@code sha256sum -c --strict}. */
class SumsFilesGnuCheckTest {

    @TempDir
    Path dir;

    @Test
    void everySumsFileOfTheFixtureTreePassesGnuSha256sumCheck() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sha256sum")), "GNU sha256sum not installed");
        Path source = dir.resolve("archive");
        Path out = dir.resolve("out");
        FixtureGenerator.generate(source, Tier.SMALL, 1);

        SumlogProcess.Result run = SumlogProcess.run(dir, "backfill", "--source", source.toString(),
                "--out", out.toString(), "--state", dir.resolve("state").toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("note: " + SmallTier.ORPHAN_SIGNATURE + ": sidecar without its subject file")
                .contains("note: " + SmallTier.README + ": unclassified");
        List<Path> sumsFiles;
        try (Stream<Path> files = Files.walk(out)) {
            sumsFiles = files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tlog-proof"))
                    .sorted().toList();
        }
        assertThat(sumsFiles).hasSizeGreaterThan(30);
        int escaped = 0;
        for (Path sums : sumsFiles) {
            Path releaseDir = source.resolve(out.relativize(sums.getParent()).toString());
            Process check = new ProcessBuilder("sha256sum", "-c", "--strict", sums.toString())
                    .directory(releaseDir.toFile()).redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as("sha256sum -c %s:%n%s", sums, said).isZero();
            escaped += Files.readString(sums).lines().filter(l -> l.startsWith("\\")).count();
        }
        assertThat(escaped).as("escaped names exercised").isGreaterThanOrEqualTo(2);
        assertThat(out.resolve("openstack/python-novaclient/python-novaclient-17.0.0.SHA256SUMS")).exists();
        assertThat(out.resolve("openstack/python-novaclient/python-novaclient-18.11.0.SHA256SUMS")).exists();
        assertThat(Files.readString(out.resolve("openstack/oslo.config/oslo-config-9.0.0.SHA256SUMS")))
                .contains("  oslo.config-9.0.0").contains("  oslo_config-9.0.0");
    }
}
