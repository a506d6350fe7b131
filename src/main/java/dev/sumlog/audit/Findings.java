package dev.sumlog.audit;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.AlertRepository.Alert;
import dev.sumlog.support.OneLine;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one audit found, said as it is found. A condition is raised as an alert once
 * ({@link AlertRepository#raiseOnce}); when an audit finds it again, it is not raised again, but while
 * its alert is open (not acknowledged) it still makes the audit end with alerts: a forked log stays
 * forked until an operator looks. An acknowledged condition is only mentioned.
 *
 * <p>Also collects what could not be checked (a log out of reach, a file that could not be read): one
 * line each, and the audit is incomplete.
 */
public class Findings {

    private final AlertRepository alerts;
    private final PrintStream out;
    private final List<Alert> raised = new ArrayList<>();
    private final List<Alert> stillOpen = new ArrayList<>();
    private final List<String> unchecked = new ArrayList<>();
    private Map<Alert, AlertRepository.Stored> known;

    public Findings(AlertRepository alerts, PrintStream out) {
        this.alerts = alerts;
        this.out = out;
    }

    /**
     * Reports a condition.
     *
     * @param releaseId the release it is about, or null
     * @return whether it counts against the audit: raised now, or raised before and still open
     */
    public synchronized boolean report(long runId, String kind, String subject, String evidence, Long releaseId) {
        Alert alert = new Alert(kind, subject, evidence);
        if (alerts.raiseOnce(runId, kind, subject, evidence, releaseId)) {
            raised.add(alert);
            out.println("ALERT: " + line(alert));
            return true;
        }
        AlertRepository.Stored before = known().get(alert);
        if (before == null || before.open()) {
            stillOpen.add(alert);
            out.println("still open" + (before == null ? "" : " (alert " + before.id() + ", run " + before.runId() + ")")
                    + ": " + line(alert));
            return true;
        }
        out.println("acknowledged (alert " + before.id() + "): " + line(alert));
        return false;
    }

    /** Something that could not be checked, in one line naming it. */
    public synchronized void unchecked(String line) {
        unchecked.add(line);
        out.println(line);
    }

    public synchronized List<Alert> raised() {
        return List.copyOf(raised);
    }

    public synchronized List<Alert> stillOpen() {
        return List.copyOf(stillOpen);
    }

    public synchronized List<String> unchecked() {
        return List.copyOf(unchecked);
    }

    /** Every alert raised before this audit by kind, subject and evidence (loaded once, when first needed). */
    private Map<Alert, AlertRepository.Stored> known() {
        if (known == null) {
            known = new HashMap<>();
            for (AlertRepository.Stored stored : alerts.list(true)) {
                known.merge(new Alert(stored.kind(), stored.subject(), stored.evidence()), stored,
                        (a, b) -> a.open() ? a : b);
            }
        }
        return known;
    }

    private static String line(Alert alert) {
        return alert.kind() + ": " + OneLine.escape(alert.subject()) + ": " + OneLine.escape(alert.evidence());
    }
}
