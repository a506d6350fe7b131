package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Submissions of releases to transparency logs. One row per (release, log, sums content): the
 * same content is never sent twice, and a release whose content changed after it was logged is
 * held back (state CHANGED) and raised as an alert instead of being silently logged again.
 */
@Repository
public class SubmissionRepository {

    private final JdbcTemplate jdbc;

    public SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Releases written but without a submission to {@code logId} for their current sums. */
    public List<Unsubmitted> unsubmitted(String source, String logId, long afterId, int limit) {
        return jdbc.query("""
                SELECT r.id, r.directory, r.project, r.version, r.sums_path, r.sums_sha256,
                       (SELECT MAX(s.sums_sha256) FROM submission s WHERE s.release_id = r.id AND s.log_id = ?
                          AND s.state = 'LOGGED')
                FROM release_set r
                WHERE r.source = ? AND r.state = 'WRITTEN' AND r.id > ?
                  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.release_id = r.id AND s.log_id = ?
                                  AND s.sums_sha256 = r.sums_sha256)
                ORDER BY r.source, r.state, r.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Unsubmitted(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)),
                logId, source, afterId, logId, limit);
    }

    public void insert(List<NewSubmission> rows) {
        jdbc.batchUpdate("""
                INSERT INTO submission (release_id, log_id, sums_sha256, entry, state, attempts)
                VALUES (?, ?, ?, ?, ?, 0)""", rows, rows.size(), (ps, r) -> {
            ps.setLong(1, r.releaseId());
            ps.setString(2, r.logId());
            ps.setString(3, r.sumsSha256());
            ps.setString(4, r.entry());
            ps.setString(5, r.state());
        });
    }

    /** A submission to create: PENDING (to send) or CHANGED (held back, alerted). */
    public record NewSubmission(long releaseId, String logId, String sumsSha256, String entry, String state) {
    }

    public List<Pending> nextPending(String source, String logId, long afterId, int limit) {
        return jdbc.query("""
                SELECT s.id, s.entry, s.expected_index, r.sums_path FROM submission s
                JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = 'PENDING' AND s.id > ?
                ORDER BY s.log_id, s.state, s.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Pending(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)),
                source, logId, afterId, limit);
    }

    /** Records the index an append is about to give each submission; committed before the append. */
    public void recordExpected(List<Pending> batch, long firstIndex) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(new Object[] {firstIndex + i, batch.get(i).id()});
        }
        jdbc.batchUpdate("UPDATE submission SET expected_index = ?, attempts = attempts + 1 WHERE id = ?", rows);
    }

    public void recordLogged(List<LoggedRow> rows) {
        jdbc.batchUpdate("""
                UPDATE submission SET state = 'LOGGED', log_index = ?, receipt_path = ?, last_error = NULL
                WHERE id = ?""", rows, rows.size(), (ps, r) -> {
            ps.setLong(1, r.index());
            ps.setString(2, r.receiptPath());
            ps.setLong(3, r.id());
        });
    }

    /** A submission now in the log at {@code index}, with its receipt written at {@code receiptPath}. */
    public record LoggedRow(long id, long index, String receiptPath) {
    }

    /**
     * Records why a batch stays pending. The expected index is kept on purpose: an append may have
     * landed before the failure, and the next attempt must look there before appending again.
     */
    public void recordFailure(List<Pending> batch, String error) {
        jdbc.batchUpdate("UPDATE submission SET last_error = ? WHERE id = ?", batch,
                batch.size(), (ps, p) -> {
                    ps.setString(1, error);
                    ps.setLong(2, p.id());
                });
    }

    /** Releases of {@code source} still waiting to be logged, with the last error. */
    public List<String[]> stillPending(String source, String logId) {
        return jdbc.query("""
                SELECT r.sums_path, COALESCE(s.last_error, 'not attempted') FROM submission s
                JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = 'PENDING' ORDER BY r.sums_path""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, source, logId);
    }

    /** A written release not yet submitted; {@code loggedSha256} is set when other content was logged. */
    public record Unsubmitted(long releaseId, String directory, String project, String version, String sumsPath,
                              String sumsSha256, String loggedSha256) {
    }

    /** A submission to send; {@code expectedIndex} is set when an earlier attempt may have appended it. */
    public record Pending(long id, String entry, Long expectedIndex, String sumsPath) {
    }
}
