package dev.sumlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.cli.InProcessBackfill;
import dev.sumlog.job.BackfillRunner.RunResult;
import dev.sumlog.testing.Archives;
import dev.sumlog.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The report and the metrics of a real backfill in this JVM (a small tree with a FIFO, which is
 * skipped, and a truncated sdist, which raises an alert), checked against the catalog and the files
 * on disk; then the metrics after another command's run and a second backfill.
 */
class RunOutputsBackfillTest {

    private static final String ARCHIVE = "test-archive";
    private static final List<String> STEPS = List.of("crawl", "markGone", "hash", "group", "writeSums", "snapshot",
            "prepareSubmissions", "restoreReceipts", "submit", "checkOutputs");

    @TempDir
    Path dir;

    @Test
    void theReportAndTheMetricsSayWhatTheRunDid() throws Exception {
        Path source = dir.resolve("archive");
        Archives.sdist(source.resolve("nova-1.0.tar.gz"), "nova sdist");
        Trees.write(source.resolve("nova-1.0.tar.gz.asc"), "nova signature");
        Archives.sdist(source.resolve("glance-2.0.tar.gz"), "glance sdist");
        Archives.sdist(source.resolve("nova-master.tar.gz"), "rebuilt every night");
        Trees.write(source.resolve("README"), "not a release");
        Archives.sdist(source.resolve("sub/keystone-3.0.tar.gz"), "keystone sdist");
        byte[] whole = Files.readAllBytes(Archives.sdist(dir.resolve("cinder-1.0.tar.gz"), "cinder sdist"));
        Files.write(source.resolve("sub/cinder-1.0.tar.gz"), Arrays.copyOf(whole, whole.length / 2));
        Files.createDirectories(source.resolve("c"));
        assertThat(new ProcessBuilder("mkfifo", source.resolve("c/pipe").toString()).start().waitFor()).isZero();
        long bytes;
        try (Stream<Path> files = Files.walk(source)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        Path report = dir.resolve("report.json");
        Path metrics = Files.createDirectories(dir.resolve("textfile"));

        try (InProcessBackfill job = InProcessBackfill.start(dir, "source: archive\nout: out\nstate: state\narchive-id: "
                + ARCHIVE + "\ntuning:\n  threads: 2\n  chunk-size: 2\n")) {
            JobRepository jobs = job.context().getBean(JobRepository.class);
            RunOutputs outputs = new RunOutputs(jobs, job.jdbc());
            RunResult result = job.runner().run();
            assertThat(result.status()).isEqualTo(BatchStatus.COMPLETED);
            JobExecution execution = jobs.getJobExecution(result.executionId());

            RunReport written = outputs.publish(execution, ARCHIVE, 3, report, metrics);

            RunReport read = ReportFile.read(report);
            assertThat(read).isEqualTo(written);
            assertThat(read.command()).isEqualTo("backfill");
            assertThat(read.archive()).isEqualTo(ARCHIVE);
            assertThat(read.runId()).isEqualTo(result.runId());
            assertThat(read.runKey()).isNull();
            assertThat(read.executionId()).isEqualTo(result.executionId());
            assertThat(read.status()).isEqualTo("COMPLETED");
            assertThat(read.exitCode()).isEqualTo(3);
            assertThat(read.failure()).isNull();
            assertThat(read.started()).isBeforeOrEqualTo(read.ended()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
            assertThat(read.durationSeconds()).isEqualTo(Duration.between(read.started(), read.ended()).toMillis() / 1000.0);
            long hashed = count(job, "SELECT COUNT(*) FROM artifact WHERE state = 'HASHED'");
            assertThat(hashed).isEqualTo(7);
            assertThat(read.counts()).isEqualTo(new RunReport.Counts(8, hashed, 0, bytes, 4, 0, 0, 4, 0, 1, 1));
            assertThat(Trees.endingIn(dir.resolve("out"), ".SHA256SUMS")).hasSize(4);
            long alertId = count(job, "SELECT id FROM alert WHERE kind = 'FLAGGED_ARCHIVE'");
            assertThat(read.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.id()).isEqualTo(alertId);
                assertThat(alert.kind()).isEqualTo("FLAGGED_ARCHIVE");
                assertThat(alert.subject()).isEqualTo("sub/cinder-1.0.tar.gz");
                assertThat(alert.evidence()).contains("TRUNCATED");
            });
            assertThat(read.skipped()).containsExactly(new RunReport.Skipped("c/pipe", "FIFO (named pipe) not read"));
            assertThat(read.steps()).extracting(RunReport.Step::name).containsExactlyElementsOf(STEPS);
            assertThat(read.steps()).allMatch(s -> s.status().equals("COMPLETED") && s.seconds() >= 0);
            assertThat(read.steps()).filteredOn(s -> s.name().equals("hash")).singleElement()
                    .satisfies(s -> assertThat(s.writeCount()).isEqualTo(7));
            assertThat(read.steps()).filteredOn(s -> s.name().equals("submit")).singleElement()
                    .satisfies(s -> assertThat(s.writeCount()).isEqualTo(4));

            String text = Files.readString(metrics.resolve(MetricsFile.NAME));
            assertThat(text).contains("sumlog_files{archive=\"test-archive\"} 7\n")
                    .contains("sumlog_bytes{archive=\"test-archive\"} " + bytes + "\n")
                    .contains("sumlog_releases{archive=\"test-archive\",state=\"WRITTEN\"} 4\n")
                    .contains("sumlog_releases{archive=\"test-archive\",state=\"CHANGED\"} 0\n")
                    .contains("sumlog_pending_submissions{archive=\"test-archive\",log=\"sumlog.invalid/log\"} 0\n")
                    .contains("sumlog_alerts{archive=\"test-archive\",kind=\"FLAGGED_ARCHIVE\"} 1\n")
                    .contains("sumlog_last_success_timestamp_seconds{archive=\"test-archive\",command=\"backfill\"} "
                            + seconds(read.ended()) + "\n")
                    .contains("sumlog_run_duration_seconds{archive=\"test-archive\",command=\"backfill\"} "
                            + decimal(read.durationSeconds()) + "\n")
                    .contains("sumlog_last_run_exit_code{archive=\"test-archive\",command=\"backfill\"} 3\n");
            Promtool.Result lint = Promtool.checkMetrics(metrics.resolve(MetricsFile.NAME));
            assertThat(lint.exitCode()).as(lint.output()).isZero();

            // Another command runs (as an audit job over the whole catalog records itself), an alert is
            // acknowledged and another raised; then a second backfill, which finds nothing new.
            JobExecution audit = finishedRun(jobs, "audit", LocalDateTime.now().minusSeconds(9), 4.5);
            RunExitCodes.record(jobs, audit, 0);
            AlertRepository alerts = new AlertRepository(job.jdbc());
            alerts.acknowledge(alertId, "known: truncated upstream");
            alerts.raise(result.runId(), "LOG_FORKED", "sumlog.invalid/log", "size 4, other root");
            RunResult second = job.runner().run();
            outputs.publish(jobs.getJobExecution(second.executionId()), ARCHIVE, 0, report, metrics);

            String after = Files.readString(metrics.resolve(MetricsFile.NAME));
            assertThat(after).contains("sumlog_last_run_exit_code{archive=\"test-archive\",command=\"backfill\"} 0\n")
                    .contains("sumlog_last_run_exit_code{archive=\"test-archive\",command=\"audit\"} 0\n")
                    .contains("sumlog_run_duration_seconds{archive=\"test-archive\",command=\"audit\"} 4.5\n")
                    .contains("sumlog_last_success_timestamp_seconds{archive=\"test-archive\",command=\"audit\"} "
                            + seconds(RunReports.instant(audit.getEndTime())) + "\n")
                    .contains("sumlog_alerts{archive=\"test-archive\",kind=\"FLAGGED_ARCHIVE\"} 0\n")
                    .contains("sumlog_alerts{archive=\"test-archive\",kind=\"LOG_FORKED\"} 1\n");
            assertThat(ReportFile.read(report).runId()).isEqualTo(second.runId()).isNotEqualTo(result.runId());
            lint = Promtool.checkMetrics(metrics.resolve(MetricsFile.NAME));
            assertThat(lint.exitCode()).as(lint.output()).isZero();
        }
        assertThat(ReportFileTest.listing(dir)).doesNotContain("report.json.tmp").allMatch(n -> !n.endsWith(".tmp"));
        assertThat(ReportFileTest.listing(metrics)).containsExactly(MetricsFile.NAME);
    }

    /** A finished execution of another job, recorded as Spring Batch records one. */
    private static JobExecution finishedRun(JobRepository jobs, String jobName, LocalDateTime start, double seconds) {
        JobParameters parameters = new JobParametersBuilder().addLong("at", System.nanoTime()).toJobParameters();
        JobInstance instance = jobs.createJobInstance(jobName, parameters);
        JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(start);
        execution.setEndTime(start.plusNanos((long) (seconds * 1e9)));
        execution.setStatus(BatchStatus.COMPLETED);
        jobs.update(execution);
        return execution;
    }

    private static long count(InProcessBackfill job, String sql) {
        return job.jdbc().queryForObject(sql, Long.class);
    }

    private static String seconds(Instant instant) {
        return decimal(instant.toEpochMilli() / 1000.0);
    }

    private static String decimal(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
