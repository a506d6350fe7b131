package dev.sumlog.catalog;

import dev.sumlog.release.ArtifactKind;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@code sumlog audit} reads from the catalog: the logged submissions whose receipts and log
 * entries it checks again, and the archive's hashed release members it may read again. Read-only;
 * keyset pages in id order, so an audit of any size holds one page in memory.
 */
public class AuditRepository {

    private static final String LOGGED = SubmissionState.LOGGED.name();

    private final JdbcTemplate jdbc;

    public AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Submissions of {@code source} recorded as logged in {@code logId}, after {@code afterId}, in id order. */
    public List<LoggedSubmission> logged(String source, String logId, long afterId, int limit) {
        return jdbc.query("""
                SELECT s.id, s.release_id, r.sums_path, s.sums_sha256, s.entry, s.log_index, s.receipt_path, s.receipt
                FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? AND s.log_id = ? AND s.state = ? AND s.id > ?
                ORDER BY s.log_id, s.state, s.id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new LoggedSubmission(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8)),
                source, logId, LOGGED, afterId, limit);
    }

    /**
     * Hashed files that belong to a release (logged content; mutable files are rebuilt in place by
     * design and are never compared).
     */
    public long countRehashable(String source) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM artifact WHERE source = ? AND state = ? AND release_id IS NOT NULL AND kind <> ?""",
                Long.class, source, ArtifactState.HASHED.name(), ArtifactKind.MUTABLE.name());
    }

    /** The rows {@link #countRehashable} counts, after {@code afterId}, in id order. */
    public List<HashedFile> rehashable(String source, long afterId, int limit) {
        return jdbc.query("""
                SELECT id, path, sha256, release_id FROM artifact
                WHERE source = ? AND state = ? AND id > ? AND release_id IS NOT NULL AND kind <> ?
                ORDER BY source, state, id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new HashedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                source, ArtifactState.HASHED.name(), afterId, ArtifactKind.MUTABLE.name(), limit);
    }

    /**
     * A submission recorded as logged.
     *
     * @param entry       the embedded log's entry text, or a remote log's stored request
     * @param logIndex    the index the log gave it (Rekor v1: the virtual index)
     * @param receiptPath where its receipt was written under the output tree, or null
     * @param receipt     a remote log's receipt (Sigstore bundle JSON) as published, or null
     */
    public record LoggedSubmission(long id, long releaseId, String sumsPath, String sumsSha256, String entry,
                                   long logIndex, String receiptPath, String receipt) {
    }

    /** A hashed release member with the digest the catalog holds. */
    public record HashedFile(long id, String path, String sha256, long releaseId) {
    }
}
