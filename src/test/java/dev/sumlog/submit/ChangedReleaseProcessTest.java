package dev.sumlog.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.SumlogProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-running a completed backfill: a new release is logged, a logged release whose file changed
 * is never logged again but raised as an alert (exit 3) with its published sums kept.
 */
class ChangedReleaseProcessTest {

    @TempDir
    Path dir;

    @Test
    void newReleaseIsLoggedAndAChangedLoggedReleaseRaisesAnAlertInstead() throws Exception {
        Path source = dir.resolve("archive");
        FixtureGenerator.generate(source, Tier.SMALL, 4);
        String[] args = {"backfill", "--source", source.toString(), "--out", dir.resolve("out").toString(),
                "--state", dir.resolve("state").toString()};
        assertThat(SumlogProcess.run(dir, args).exitCode()).isZero();
        Path publishedSums = dir.resolve("out/openstack/nova/nova-27.0.0.SHA256SUMS");
        byte[] published = Files.readAllBytes(publishedSums);
        long logSize = logSize();

        Archives.sdist(source.resolve("openstack/nova/nova-27.0.0.tar.gz"), "swapped"); // a valid archive, other bytes
        Archives.sdist(source.resolve("openstack/nova/nova-28.0.0.tar.gz"), "a new release");
        SumlogProcess.Result second = SumlogProcess.run(dir, args);

        assertThat(second.exitCode()).as(second.output()).isEqualTo(3);
        assertThat(second.output())
                .contains("ALERT: RELEASE_CHANGED_AFTER_LOGGING: openstack/nova/nova-27.0.0.SHA256SUMS: logged sums sha256 ")
                .contains("(changed nova-27.0.0.tar.gz); published sums kept, not logged again")
                .contains("ALERT: ARTIFACT_CHANGED: openstack/nova/nova-27.0.0.tar.gz: sha256 was ")
                .contains("backfill complete, 2 alert(s)");
        assertThat(Files.readAllBytes(publishedSums)).isEqualTo(published);
        assertThat(dir.resolve("out/openstack/nova/nova-28.0.0.SHA256SUMS.tlog-proof")).exists();
        assertThat(logSize()).isEqualTo(logSize + 1);

        SumlogProcess.Result third = SumlogProcess.run(dir, args);
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(logSize()).isEqualTo(logSize + 1);
        assertThat(SumlogProcess.run(dir, "status", "--state", dir.resolve("state").toString()).output())
                .containsPattern("releases CHANGED +1");
    }

    private long logSize() throws Exception {
        return Long.parseLong(Files.readAllLines(dir.resolve("state/log/checkpoint")).get(1));
    }
}
