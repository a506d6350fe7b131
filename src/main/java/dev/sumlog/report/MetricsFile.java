package dev.sumlog.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The Prometheus metrics of an archive in the node_exporter textfile collector's format
 * ({@code metrics: DIR} in the job file writes {@code DIR/sumlog.prom}): gauges with HELP and TYPE
 * lines, units in their names, every sample labelled with the archive. Written whole after every
 * run of every command, from the catalog alone ({@link CatalogMetrics}), so one file holds the last
 * values of backfill, reconcile and audit alike. The temp file's name does not end in {@code .prom},
 * so the collector never reads a partial file.
 */
public final class MetricsFile {

    public static final String NAME = "sumlog.prom";

    private MetricsFile() {
    }

    /**
     * Writes {@code directory/sumlog.prom}, replacing the previous file whole.
     *
     * @return the file written
     * @throws IOException one line naming the file: a missing directory, no permission, a full disk
     */
    public static Path write(Path directory, MetricsSnapshot snapshot) throws IOException {
        Path file = directory.resolve(NAME);
        AtomicFile.write(file, render(snapshot).getBytes(StandardCharsets.UTF_8), "metrics file");
        return file;
    }

    /** The file's text (exposition format 0.0.4). */
    public static String render(MetricsSnapshot s) {
        Text text = new Text(s.archive());
        text.family("sumlog_files", "Files of the archive in the catalog (every state but GONE).")
                .sample("sumlog_files", Map.of(), s.files());
        text.family("sumlog_bytes", "Bytes of the archive's files in the catalog (every state but GONE).")
                .sample("sumlog_bytes", Map.of(), s.bytes());
        text.family("sumlog_releases", "Releases of the archive by state.");
        s.releasesByState().forEach((state, n) -> text.sample("sumlog_releases", Map.of("state", state), n));
        text.family("sumlog_pending_submissions", "Log entries of the archive still waiting to be logged, by log.");
        s.pendingByLog().forEach((log, n) -> text.sample("sumlog_pending_submissions", Map.of("log", log), n));
        text.family("sumlog_alerts", "Alerts not acknowledged yet, by kind (sumlog status --alerts; sumlog ack).");
        s.openAlertsByKind().forEach((kind, n) -> text.sample("sumlog_alerts", Map.of("kind", kind), n));
        perCommand(text, s, "sumlog_last_success_timestamp_seconds",
                "When the last completed run of each command ended, in seconds since the epoch.",
                c -> c.lastSuccess() == null ? null : seconds(c.lastSuccess()));
        perCommand(text, s, "sumlog_run_duration_seconds", "How long the last run of each command took.",
                c -> c.lastDuration() == null ? null : BigDecimal.valueOf(c.lastDuration()));
        perCommand(text, s, "sumlog_last_run_exit_code",
                "Exit code of the last run of each command: 0 ok, 1 failed or entries pending, 3 alerts, 4 inputs skipped.",
                c -> c.lastExitCode() == null ? null : BigDecimal.valueOf(c.lastExitCode()));
        return text.toString();
    }

    private static void perCommand(Text text, MetricsSnapshot s, String name, String help,
                                   Function<MetricsSnapshot.CommandRuns, BigDecimal> value) {
        text.family(name, help);
        for (MetricsSnapshot.CommandRuns command : s.commands()) {
            BigDecimal v = value.apply(command);
            if (v != null) {
                text.sample(name, Map.of("command", command.command()), v);
            }
        }
    }

    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** Builds the text: each family's HELP and TYPE, then its samples, the archive label first. */
    private static final class Text {

        private final StringBuilder out = new StringBuilder();
        private final String archive;

        Text(String archive) {
            this.archive = archive;
        }

        Text family(String name, String help) {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
            out.append("# TYPE ").append(name).append(" gauge\n");
            return this;
        }

        Text sample(String name, Map<String, String> labels, long value) {
            return sample(name, labels, BigDecimal.valueOf(value));
        }

        Text sample(String name, Map<String, String> labels, BigDecimal value) {
            out.append(name).append("{archive=\"").append(escapeLabel(archive)).append('"');
            labels.forEach((label, v) -> out.append(',').append(label).append("=\"").append(escapeLabel(v)).append('"'));
            out.append("} ").append(value.stripTrailingZeros().toPlainString()).append('\n');
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Label values: backslash, double quote and line feed escaped, as the exposition format requires. */
    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text: backslash and line feed escaped. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
