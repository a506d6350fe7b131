package dev.sumlog.catalog;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the hashing reads found besides digests, per archive: archive integrity and signature results
 * of the live (not GONE) artifacts, and the artifacts that put their release in doubt. For `status`
 * and the run summary.
 */
@Repository
public class CheckRepository {

    private final JdbcTemplate jdbc;

    public CheckRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Live artifacts per integrity status (only those that were checked). */
    public List<Count> integrity(String archive) {
        return counts("integrity", archive);
    }

    /** Live artifacts per signature result and signing key (the key only for results that name one). */
    public List<Count> signatures(String archive) {
        return jdbc.query("""
                SELECT signature, signature_key, COUNT(*) FROM artifact
                WHERE source = ? AND state = ? AND signature IS NOT NULL
                GROUP BY signature, signature_key ORDER BY signature, signature_key""",
                (rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)), archive,
                ArtifactState.HASHED.name());
    }

    /** How many live artifacts put their release in doubt. */
    public long countDoubted(String archive) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM artifact WHERE source = ? AND state = ? AND doubt IS NOT NULL",
                Long.class, archive, ArtifactState.HASHED.name());
    }

    /** The first {@code limit} of them by path, with why. */
    public List<Doubted> doubted(String archive, int limit) {
        return jdbc.query("""
                SELECT path, doubt FROM artifact WHERE source = ? AND state = ? AND doubt IS NOT NULL
                ORDER BY path FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new Doubted(rs.getString(1), rs.getString(2)), archive, ArtifactState.HASHED.name(), limit);
    }

    /** The doubted artifacts hashed by one run (a job instance), for its summary. */
    public List<Doubted> doubtedBy(long run, String archive) {
        return jdbc.query("""
                SELECT path, doubt FROM artifact WHERE source = ? AND hashed_run = ? AND state = ? AND doubt IS NOT NULL
                ORDER BY path""", (rs, n) -> new Doubted(rs.getString(1), rs.getString(2)), archive, run,
                ArtifactState.HASHED.name());
    }

    /** Signature results of the artifacts one run hashed, per result. */
    public List<Count> signaturesBy(long run, String archive) {
        return jdbc.query("""
                SELECT signature, COUNT(*) FROM artifact WHERE source = ? AND hashed_run = ? AND state = ?
                  AND signature IS NOT NULL GROUP BY signature ORDER BY signature""",
                (rs, n) -> new Count(rs.getString(1), null, rs.getLong(2)), archive, run, ArtifactState.HASHED.name());
    }

    /** Integrity results of the artifacts one run hashed, per status. */
    public List<Count> integrityBy(long run, String archive) {
        return jdbc.query("""
                SELECT integrity, COUNT(*) FROM artifact WHERE source = ? AND hashed_run = ? AND state = ?
                  AND integrity IS NOT NULL GROUP BY integrity ORDER BY integrity""",
                (rs, n) -> new Count(rs.getString(1), null, rs.getLong(2)), archive, run, ArtifactState.HASHED.name());
    }

    private List<Count> counts(String column, String archive) {
        return jdbc.query("SELECT " + column + ", COUNT(*) FROM artifact WHERE source = ? AND state = ? AND " + column
                + " IS NOT NULL GROUP BY " + column + " ORDER BY " + column,
                (rs, n) -> new Count(rs.getString(1), null, rs.getLong(2)), archive, ArtifactState.HASHED.name());
    }

    /** Artifacts with one result ({@code key}: the signing key's fingerprint, when grouped by it). */
    public record Count(String result, String key, long rows) {
    }

    /** An artifact in doubt and why. */
    public record Doubted(String path, String doubt) {
    }
}
