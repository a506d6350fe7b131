package dev.sumlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics file alone: its exact text, escaping, the collector's rules, and promtool's verdict. */
class MetricsFileTest {

    @TempDir
    Path dir;

    private static MetricsSnapshot snapshot(String archive, String log) {
        return new MetricsSnapshot(archive, 130, 4_500_000,
                new TreeMap<>(Map.of("BLOCKED", 0L, "CHANGED", 1L, "EMPTY", 0L, "PENDING", 0L, "WRITTEN", 20L)),
                new TreeMap<>(Map.of(log, 3L)),
                new TreeMap<>(Map.of("FLAGGED_ARCHIVE", 0L, "RELEASE_CHANGED_AFTER_LOGGING", 2L)),
                List.of(new MetricsSnapshot.CommandRuns("audit", null, 4.5, 0),
                        new MetricsSnapshot.CommandRuns("backfill", Instant.parse("2026-12-01T02:00:00.250Z"), 61.0, 3)));
    }

    @Test
    void everyFamilyHasHelpAndTypeAndEverySampleTheArchive() {
        assertThat(MetricsFile.render(snapshot("opendev", "sumlog.invalid/log"))).isEqualTo("""
                # HELP sumlog_files Files of the archive in the catalog (every state but GONE).
                # TYPE sumlog_files gauge
                sumlog_files{archive="opendev"} 130
                # HELP sumlog_bytes Bytes of the archive's files in the catalog (every state but GONE).
                # TYPE sumlog_bytes gauge
                sumlog_bytes{archive="opendev"} 4500000
                # HELP sumlog_releases Releases of the archive by state.
                # TYPE sumlog_releases gauge
                sumlog_releases{archive="opendev",state="BLOCKED"} 0
                sumlog_releases{archive="opendev",state="CHANGED"} 1
                sumlog_releases{archive="opendev",state="EMPTY"} 0
                sumlog_releases{archive="opendev",state="PENDING"} 0
                sumlog_releases{archive="opendev",state="WRITTEN"} 20
                # HELP sumlog_pending_submissions Log entries of the archive still waiting to be logged, by log.
                # TYPE sumlog_pending_submissions gauge
                sumlog_pending_submissions{archive="opendev",log="sumlog.invalid/log"} 3
                # HELP sumlog_alerts Alerts not acknowledged yet, by kind (sumlog status --alerts; sumlog ack).
                # TYPE sumlog_alerts gauge
                sumlog_alerts{archive="opendev",kind="FLAGGED_ARCHIVE"} 0
                sumlog_alerts{archive="opendev",kind="RELEASE_CHANGED_AFTER_LOGGING"} 2
                # HELP sumlog_last_success_timestamp_seconds When the last completed run of each command ended, in seconds since the epoch.
                # TYPE sumlog_last_success_timestamp_seconds gauge
                sumlog_last_success_timestamp_seconds{archive="opendev",command="backfill"} 1796090400.25
                # HELP sumlog_run_duration_seconds How long the last run of each command took.
                # TYPE sumlog_run_duration_seconds gauge
                sumlog_run_duration_seconds{archive="opendev",command="audit"} 4.5
                sumlog_run_duration_seconds{archive="opendev",command="backfill"} 61
                # HELP sumlog_last_run_exit_code Exit code of the last run of each command: 0 ok, 1 failed or entries pending, 3 alerts, 4 inputs skipped.
                # TYPE sumlog_last_run_exit_code gauge
                sumlog_last_run_exit_code{archive="opendev",command="audit"} 0
                sumlog_last_run_exit_code{archive="opendev",command="backfill"} 3
                """);
    }

    @Test
    void hostileLabelValuesAreEscapedSoTheyCannotForgeASampleAndPromtoolAcceptsTheFile() throws Exception {
        String archive = "evil\"} 1\nsumlog_files{archive=\"x\\";
        Path file = MetricsFile.write(dir, snapshot(archive, "https://log.example/\"quoted\"\\path"));
        String text = Files.readString(file);

        assertThat(text).contains("sumlog_files{archive=\"evil\\\"} 1\\nsumlog_files{archive=\\\"x\\\\\"} 130\n")
                .contains(",log=\"https://log.example/\\\"quoted\\\"\\\\path\"} 3\n");
        assertThat(text.lines().filter(line -> line.startsWith("sumlog_files"))).hasSize(1);
        assertThat(text.lines()).hasSize(MetricsFile.render(snapshot("plain", "log")).lines().toList().size());
        Promtool.Result lint = Promtool.checkMetrics(file);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).isEmpty();
    }

    @Test
    void theCollectorsFileIsReplacedWholeAndNoTempFileIsLeft() throws Exception {
        Files.writeString(dir.resolve("node.prom"), "other_metric 1\n"); // another exporter's file is left alone
        MetricsFile.write(dir, snapshot("first", "log"));

        Path file = MetricsFile.write(dir, snapshot("second", "log"));

        assertThat(file).isEqualTo(dir.resolve("sumlog.prom"));
        assertThat(Files.readString(file)).contains("archive=\"second\"").doesNotContain("first");
        assertThat(ReportFileTest.listing(dir)).containsExactly("node.prom", "sumlog.prom");
        Promtool.Result lint = Promtool.checkMetrics(file);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @Test
    void aMissingDirectoryIsOneLineNamingTheFile() {
        Path missing = dir.resolve("textfile");

        IOException e = catchThrowableOfType(() -> MetricsFile.write(missing, snapshot("a", "log")), IOException.class);

        assertThat(e.getMessage()).isEqualTo("cannot write the metrics file " + missing.resolve("sumlog.prom")
                + ": directory " + missing + " does not exist");
    }
}
