package dev.sumlog.status;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.AlertRepository.Stored;
import dev.sumlog.support.OneLine;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code sumlog status --alerts} prints, and the one line plain {@code status} gives the alerts.
 * Formatting only; the queries are {@link AlertRepository}'s.
 *
 * <p>Each alert's head line starts with {@code alert <id>} and holds no free text but the subject, so
 * {@code grep}/{@code awk} can pick ids for {@code sumlog ack}; evidence and acknowledgement follow on
 * indented lines. Every value is escaped to one line ({@link OneLine}): a subject is a file name from
 * the archive, and a name holding a newline must not forge a line. Times are UTC, ISO 8601, to the
 * second.
 */
public class AlertList {

    private final AlertRepository alerts;

    public AlertList(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** The open alerts, oldest first; with {@code all}, every alert with its acknowledgement. */
    public void print(PrintStream out, boolean all) {
        List<Stored> listed = alerts.list(all);
        long open = listed.stream().filter(Stored::open).count();
        if (listed.isEmpty()) {
            out.println(all ? "no alerts" : "no open alerts");
            return;
        }
        out.println(all ? "alerts: " + listed.size() + " (" + open + " open, " + (listed.size() - open) + " acknowledged)"
                : "open alerts: " + open + " (" + byKind(alerts.openByKind()) + ")");
        listed.forEach(alert -> printOne(out, alert));
        if (open > 0) {
            out.println("acknowledge with: sumlog ack ALERT... --reason TEXT");
        }
    }

    /**
     * The line plain {@code status} prints when any alert is open ("alerts: 2 open (BAD_SIGNATURE 1,
     * ...); see status --alerts"); nothing when none is.
     */
    public void printSummary(PrintStream out) {
        Map<String, Long> open = alerts.openByKind();
        if (!open.isEmpty()) {
            long total = open.values().stream().mapToLong(Long::longValue).sum();
            out.println("alerts: " + total + " open (" + byKind(open) + "); see status --alerts");
        }
    }

    private static void printOne(PrintStream out, Stored alert) {
        out.printf("alert %d  %s  %s  run %d  %s  %s%n", alert.id(), alert.open() ? "open" : "acknowledged",
                utc(alert.createdAt()), alert.runId(), OneLine.escape(alert.kind()), OneLine.escape(alert.subject()));
        out.println("    evidence: " + OneLine.escape(alert.evidence()));
        if (!alert.open()) {
            out.println("    acknowledged " + utc(alert.acknowledgedAt()) + ": " + OneLine.escape(Objects.toString(alert.ackReason(), "")));
        }
    }

    static String byKind(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> OneLine.escape(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
