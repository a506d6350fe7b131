package dev.sumlog.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alerts: what a run found that an operator must look at (exit code 3). */
@Repository
public class AlertRepository {

    private final JdbcTemplate jdbc;

    public AlertRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Kind of the alert for a logged release whose content changed. */
    public static final String RELEASE_CHANGED = "RELEASE_CHANGED_AFTER_LOGGING";

    /**
     * The one place a changed, already logged release is raised: its published sums are kept and it
     * is not logged again.
     */
    public void releaseChanged(long runId, String sumsPath, String evidence) {
        raise(runId, RELEASE_CHANGED, sumsPath, evidence);
    }

    public void raise(long runId, String kind, String subject, String evidence) {
        jdbc.update("INSERT INTO alert (run_id, kind, subject, evidence, created_at) VALUES (?, ?, ?, ?, ?)",
                runId, kind, subject, evidence, Timestamp.from(Instant.now()));
    }

    public List<Alert> ofRun(long runId) {
        return jdbc.query("SELECT kind, subject, evidence FROM alert WHERE run_id = ? ORDER BY id",
                (rs, n) -> new Alert(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
    }

    public record Alert(String kind, String subject, String evidence) {

        @Override
        public String toString() {
            return kind + ": " + subject + ": " + evidence;
        }
    }
}
