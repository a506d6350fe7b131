package dev.sumlog.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Alerts: what a run found that an operator must look at (exit code 3). An alert is never deleted;
 * an operator acknowledges it ({@code sumlog ack}) or accepts its release's change
 * ({@code reconcile --accept}), and the reason is kept beside it.
 *
 * <p>Detectors that look at the same evidence on every run (an edited output file, a forked log)
 * raise with {@link #raiseOnce}, so a condition that persists is one alert, not one per night; a
 * change of the evidence (the file edited again) is a new alert.
 */
@Repository
public class AlertRepository {

    private final JdbcTemplate jdbc;

    public AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Kind of the alert for a logged release whose content (its SHA256SUMS) would change. */
    public static final String RELEASE_CHANGED = "RELEASE_CHANGED_AFTER_LOGGING";

    /**
     * The one place a changed, already logged release is raised: its published sums are kept and it
     * is not logged again.
     */
    public void releaseChanged(long runId, long releaseId, String sumsPath, String evidence) {
        raise(runId, RELEASE_CHANGED, sumsPath, evidence, releaseId);
    }

    public void raise(long runId, String kind, String subject, String evidence) {
        raise(runId, kind, subject, evidence, null);
    }

    /** @param releaseId the release the alert is about, or null */
    public void raise(long runId, String kind, String subject, String evidence, Long releaseId) {
        jdbc.update("INSERT INTO alert (run_id, kind, subject, evidence, created_at, release_id) VALUES (?, ?, ?, ?, ?, ?)",
                runId, kind, Sql.clip(subject, 4096), Sql.clip(evidence, 4096), Timestamp.from(Instant.now()), releaseId);
    }

    /**
     * Raises the alert unless one of the same kind, subject and evidence was raised before (whether
     * acknowledged or not).
     *
     * @return whether a new alert was raised
     */
    public boolean raiseOnce(long runId, String kind, String subject, String evidence, Long releaseId) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM alert WHERE kind = ? AND subject = ? AND evidence = ?",
                Integer.class, kind, Sql.clip(subject, 4096), Sql.clip(evidence, 4096));
        if (seen != null && seen > 0) {
            return false;
        }
        raise(runId, kind, subject, evidence, releaseId);
        return true;
    }

    public List<Alert> ofRun(long runId) {
        return jdbc.query("SELECT kind, subject, evidence FROM alert WHERE run_id = ? ORDER BY id",
                (rs, n) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
    }

    /** Alerts not acknowledged yet, oldest first; with {@code all}, every alert. */
    public List<Stored> list(boolean all) {
        return jdbc.query("SELECT id, run_id, kind, subject, evidence, created_at, acknowledged_at, ack_reason FROM alert"
                + (all ? "" : " WHERE acknowledged_at IS NULL") + " ORDER BY id", (rs, n) -> new Stored(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)));
    }

    /** Unacknowledged alerts per kind, for metrics. */
    public Map<String, Long> openByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT kind, COUNT(*) FROM alert WHERE acknowledged_at IS NULL GROUP BY kind ORDER BY kind",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** @return whether an unacknowledged alert with this id existed and is now acknowledged */
    public boolean acknowledge(long id, String reason) {
        return jdbc.update("UPDATE alert SET acknowledged_at = ?, ack_reason = ? WHERE id = ? AND acknowledged_at IS NULL",
                Timestamp.from(Instant.now()), Sql.clip(reason, 2048), id) == 1;
    }

    /** Acknowledges every open alert about a release; returns how many. */
    public int acknowledgeRelease(long releaseId, String reason) {
        return jdbc.update("UPDATE alert SET acknowledged_at = ?, ack_reason = ? WHERE release_id = ? AND acknowledged_at IS NULL",
                Timestamp.from(Instant.now()), Sql.clip(reason, 2048), releaseId);
    }

    public record Alert(String kind, String subject, String evidence) {

        @Override
        public String toString() {
            return kind + ": " + subject + ": " + evidence;
        }
    }

    /** An alert as stored, with its acknowledgement (null when open). */
    public record Stored(long id, long runId, String kind, String subject, String evidence, Instant createdAt,
                         Instant acknowledgedAt, String ackReason) {

        public boolean open() {
            return acknowledgedAt == null;
        }
    }
}
