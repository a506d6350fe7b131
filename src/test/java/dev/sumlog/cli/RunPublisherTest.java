package dev.sumlog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.fixture.FixtureGenerator;
import dev.sumlog.fixture.Tier;
import dev.sumlog.report.MetricsFile;
import dev.sumlog.report.ReportFile;
import dev.sumlog.report.RunReport;
import dev.sumlog.testing.InProcessCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job file's {@code report:} and {@code metrics:} are written after every command that runs a
 * job, each naming its command; one that cannot be written is one line and turns a clean run's exit
 * code into 1.
 */
class RunPublisherTest {

    @TempDir
    Path dir;

    @Test
    void backfillReconcileAndAuditEachLeaveTheirReportAndMetrics() throws Exception {
        FixtureGenerator.generate(dir.resolve("archive"), Tier.SMALL, 1);
        Files.createDirectories(dir.resolve("metrics"));
        Path job = Files.writeString(dir.resolve("job.yml"),
                "source: archive\nout: out\nstate: state\nreport: reports/last.json\nmetrics: metrics\n");
        Files.createDirectories(dir.resolve("reports"));

        InProcessCli backfill = InProcessCli.run("backfill", "--job", job.toString());
        assertThat(backfill.exitCode()).as(backfill.all()).isZero();
        RunReport first = ReportFile.read(dir.resolve("reports/last.json"));
        assertThat(first.command()).isEqualTo("backfill");
        assertThat(first.exitCode()).isZero();
        assertThat(first.counts().filesFound()).isEqualTo(130);
        assertThat(first.steps()).extracting(RunReport.Step::name).contains("crawl", "hash", "submit");

        InProcessCli reconcile = InProcessCli.run("reconcile", "--job", job.toString());
        assertThat(reconcile.exitCode()).as(reconcile.all()).isZero();
        RunReport second = ReportFile.read(dir.resolve("reports/last.json"));
        assertThat(second.command()).isEqualTo("reconcile");
        assertThat(second.runKey()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(second.counts().filesHashed()).isZero();

        InProcessCli audit = InProcessCli.run("audit", "--job", job.toString());
        assertThat(audit.exitCode()).as(audit.all()).isZero();
        assertThat(ReportFile.read(dir.resolve("reports/last.json")).command()).isEqualTo("audit");
        String metrics = Files.readString(dir.resolve("metrics").resolve(MetricsFile.NAME));
        assertThat(metrics).contains("sumlog_files{").contains("command=\"backfill\"")
                .contains("command=\"reconcile\"").contains("command=\"audit\"");
    }

    @Test
    void aReportThatCannotBeWrittenIsOneLineAndExitOne() throws Exception {
        FixtureGenerator.generate(dir.resolve("archive"), Tier.SMALL, 1);
        Path job = Files.writeString(dir.resolve("job.yml"),
                "source: archive\nout: out\nstate: state\nreport: no-such-dir/last.json\n");

        InProcessCli backfill = InProcessCli.run("backfill", "--job", job.toString());

        assertThat(backfill.exitCode()).as(backfill.all()).isEqualTo(1);
        assertThat(backfill.out()).contains("backfill complete");
        assertThat(backfill.err().lines()).singleElement().asString().startsWith("sumlog: ").contains("no-such-dir");
    }
}
