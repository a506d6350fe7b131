package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import dev.sumlog.release.SumsFileNames;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Submissions of releases to transparency logs. One row per (release, log, sums content): the
 * same content is never sent twice. A release that was logged with other content is never
 * selected again: the write step keeps its published sums and raises the alert (state CHANGED).
 * States are {@link SubmissionState}.
 */
@Repository
public class SubmissionRepository {

    private static final String PENDING = SubmissionState.PENDING.name();
    private static final String LOGGED = SubmissionState.LOGGED.name();

    private final JdbcTemplate jdbc;

    public SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Written releases without a submission to {@code logId} for their current sums, never logged otherwise. */
    public List<Unsubmitted> unsubmitted(String source, String logId, long afterId, int limit) {
        // A release logged with other content is never logged again unless an operator accepted that
        // content's change (release_acceptance); its new entry then names the newest superseded one.
        return jdbc.query("""
                SELECT r.id, r.directory, r.project, r.version, r.sums_path, r.sums_sha256,
                  (SELECT o.sums_sha256 FROM submission o WHERE o.id = (
                     SELECT MAX(s.id) FROM submission s WHERE s.release_id = r.id AND s.log_id = ? AND s.state = ?
                       AND s.sums_sha256 <> r.sums_sha256))
                FROM release_set r
                WHERE r.source = ? AND r.state = ? AND r.id > ?
                  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.release_id = r.id AND s.log_id = ?
                                  AND s.sums_sha256 = r.sums_sha256)
                  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.release_id = r.id AND s.state = ?
                                  AND s.sums_sha256 <> r.sums_sha256
                                  AND NOT EXISTS (SELECT 1 FROM release_acceptance a WHERE a.release_id = r.id
                                                  AND a.superseded_sha256 = s.sums_sha256))
                ORDER BY r.source, r.state, r.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Unsubmitted(rs.getLong(1), new ReleaseKey(rs.getString(2),
                        rs.getString(3), rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)),
                logId, LOGGED, source, ReleaseState.WRITTEN.name(), afterId, logId, LOGGED, limit);
    }

    /** Persists entries before anything is sent ("persist what you will send"). */
    public void insert(List<NewSubmission> rows) {
        jdbc.batchUpdate("""
                INSERT INTO submission (release_id, log_id, sums_sha256, entry, state, attempts)
                VALUES (?, ?, ?, ?, ?, 0)""", rows, rows.size(), (ps, r) -> {
            ps.setLong(1, r.releaseId());
            ps.setString(2, r.logId());
            ps.setString(3, r.sumsSha256());
            ps.setString(4, r.entry());
            ps.setString(5, PENDING);
        });
    }

    public List<Pending> nextPending(String source, String logId, long afterId, int limit) {
        return jdbc.query("""
                SELECT s.id, s.entry, s.expected_index, r.sums_path FROM submission s
                JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = ? AND s.id > ?
                ORDER BY s.log_id, s.state, s.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Pending(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4)),
                source, logId, PENDING, afterId, limit);
    }

    public long countPending(String source, String logId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = ?""", Long.class, source, logId, PENDING);
    }

    /** Records the index an append is about to give each submission; committed before the append. */
    public void recordExpected(List<Pending> batch, long firstIndex) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            rows.add(new Object[] {firstIndex + i, batch.get(i).id()});
        }
        jdbc.batchUpdate("UPDATE submission SET expected_index = ?, attempts = attempts + 1 WHERE id = ?", rows);
    }

    /** Moves submissions to LOGGED; a null receipt path means the receipt could not be written (yet). */
    public void recordLogged(List<LoggedRow> rows) {
        jdbc.batchUpdate("""
                UPDATE submission SET state = ?, log_index = ?, receipt_path = ?, last_error = NULL
                WHERE id = ?""", rows, rows.size(), (ps, r) -> {
            ps.setString(1, LOGGED);
            ps.setLong(2, r.index());
            ps.setString(3, r.receiptPath());
            ps.setLong(4, r.id());
        });
    }

    /** Moves submissions to a remote log to LOGGED, keeping the receipt each one published. */
    public void recordAccepted(List<AcceptedRow> rows) {
        jdbc.batchUpdate("""
                UPDATE submission SET state = ?, log_index = ?, receipt_path = ?, receipt = ?, last_error = NULL,
                       attempts = attempts + 1
                WHERE id = ?""", rows, rows.size(), (ps, r) -> {
            ps.setString(1, LOGGED);
            ps.setLong(2, r.index());
            ps.setString(3, r.receiptPath());
            ps.setString(4, r.receipt());
            ps.setLong(5, r.id());
        });
    }

    /** A submission accepted by a remote log at {@code index}; its receipt (or null) and where it was written. */
    public record AcceptedRow(long id, long index, String receiptPath, String receipt) {
    }

    /** Records why each submission stays pending (one error per submission, same order). */
    public void recordFailures(List<Pending> batch, List<String> errors) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String error = errors.get(i) == null ? "failed" : errors.get(i);
            rows.add(new Object[] {error.length() > 2000 ? error.substring(0, 2000) : error, batch.get(i).id()});
        }
        jdbc.batchUpdate("UPDATE submission SET last_error = ?, attempts = attempts + 1 WHERE id = ?", rows);
    }

    /** A submission now in the log at {@code index}, with its receipt written at {@code receiptPath} (or null). */
    public record LoggedRow(long id, long index, String receiptPath) {
    }

    /**
     * Logged submissions whose receipt the output tree {@code outRoot} does not hold (a new
     * {@code --out}, or a receipt that could not be written), in id order after {@code afterId}. Only
     * beside a sums file sumlog wrote there: a receipt never stands without the sums it proves (a
     * CHANGED release's logged sums cannot be rewritten from the catalog).
     */
    public List<Receiptless> loggedWithoutReceipt(String source, String logId, String outRoot, long afterId, int limit) {
        return jdbc.query("""
                SELECT s.id, s.entry, s.log_index, r.sums_path FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = ? AND s.id > ?
                  AND NOT EXISTS (SELECT 1 FROM output_file o WHERE o.out_root = ?
                                  AND o.path = r.sums_path || ?)
                  AND EXISTS (SELECT 1 FROM output_file o WHERE o.out_root = ? AND o.path = r.sums_path)
                ORDER BY s.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Receiptless(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                source, logId, LOGGED, afterId, outRoot, SumsFileNames.RECEIPT_SUFFIX, outRoot, limit);
    }

    /**
     * Submissions to a remote log that were accepted with a receipt which the output tree
     * {@code outRoot} does not hold (a new {@code --out}, or a receipt that could not be written), beside
     * a sums file sumlog wrote there, in id order after {@code afterId}.
     */
    public List<StoredReceipt> acceptedWithoutReceipt(String source, String logId, String outRoot, String suffix,
                                                      long afterId, int limit) {
        return jdbc.query("""
                SELECT s.id, s.log_index, r.sums_path, s.receipt FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = ? AND s.id > ? AND s.receipt IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM output_file o WHERE o.out_root = ? AND o.path = r.sums_path || ?)
                  AND EXISTS (SELECT 1 FROM output_file o WHERE o.out_root = ? AND o.path = r.sums_path)
                ORDER BY s.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new StoredReceipt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                source, logId, LOGGED, afterId, outRoot, suffix, outRoot, limit);
    }

    /** A remote log's receipt as it was published, to be written again. */
    public record StoredReceipt(long id, long logIndex, String sumsPath, String receipt) {
    }

    /** A logged submission whose receipt is to be (re)written from the log. */
    public record Receiptless(long id, String entry, long logIndex, String sumsPath) {
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

    /**
     * The first {@code limit} submissions of {@code source} still waiting to be logged, in any log, with
     * the last error; a log other than {@code mainLogId} is named in the reason.
     */
    public List<Unlogged> stillPending(String source, String mainLogId, int limit) {
        return jdbc.query("""
                SELECT r.sums_path, s.log_id, COALESCE(s.last_error, 'not attempted') FROM submission s
                JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.state = ? ORDER BY r.sums_path, s.log_id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Unlogged(rs.getString(1), rs.getString(2).equals(mainLogId) ? rs.getString(3)
                        : "in " + rs.getString(2) + ": " + rs.getString(3)), source, PENDING, limit);
    }

    /** Submissions of {@code source} still waiting to be logged, in every log. */
    public long countPending(String source) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.state = ?""", Long.class, source, PENDING);
    }

    /** A release waiting to be logged and why. */
    public record Unlogged(String sumsPath, String lastError) {

        @Override
        public String toString() {
            return sumsPath + ": " + lastError;
        }
    }

    /** A written release not yet submitted. */
    /** @param supersedes the newest other content of the release logged in this log (after an accepted change), or null */
    public record Unsubmitted(long releaseId, ReleaseKey key, String sumsPath, String sumsSha256, String supersedes) {
    }

    /** An entry to persist as PENDING before it is sent. */
    public record NewSubmission(long releaseId, String logId, String sumsSha256, String entry) {
    }

    /** A submission to send; {@code expectedIndex} is set when an earlier attempt may have appended it. */
    public record Pending(long id, String entry, Long expectedIndex, String sumsPath) {
    }
}
