package dev.sumlog.catalog;

import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.ReleaseKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Inputs a run reported: skipped ones (exit code 4) and notices. */
@Repository
public class ProblemRepository {

    private final JdbcTemplate jdbc;

    public ProblemRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long runId, String source, List<Problem> problems) {
        jdbc.batchUpdate("INSERT INTO problem (run_id, source, path, reason, skipped) VALUES (?, ?, ?, ?, ?)",
                problems, problems.size(), (ps, p) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, source);
                    ps.setString(3, p.path());
                    ps.setString(4, p.reason());
                    ps.setBoolean(5, p.skipped());
                });
    }

    /**
     * Everything the run {@code runId} reports, in path order. Skipped: crawl problems, files that
     * could not be hashed, releases left unwritten because of them. Notices: unclassified files (hashed
     * into their directory's snapshot) and releases made only of sidecars (a signature without its file).
     */
    public List<Problem> reportedInRun(String source, long runId) {
        String hashed = ArtifactState.HASHED.name();
        List<Problem> reported = new ArrayList<>(jdbc.query("""
                SELECT path, reason, skipped FROM problem WHERE source = ? AND run_id = ?
                UNION ALL
                SELECT path, failure, TRUE FROM artifact WHERE source = ? AND state = ? AND last_seen_run = ?
                UNION ALL
                SELECT path, 'unclassified (' || note || '); listed in its directory snapshot', FALSE
                FROM artifact WHERE source = ? AND kind = ? AND project IS NULL AND state = ? AND last_seen_run = ?
                UNION ALL
                SELECT a.path, 'sidecar without its subject file', FALSE FROM artifact a
                WHERE a.source = ? AND a.kind = ? AND a.state = ? AND a.last_seen_run = ?
                  AND NOT EXISTS (SELECT 1 FROM artifact s WHERE s.release_id = a.release_id AND s.kind = ?)""",
                (rs, n) -> new Problem(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                source, runId, source, ArtifactState.FAILED.name(), runId,
                source, ArtifactKind.UNCLASSIFIED.name(), hashed, runId,
                source, ArtifactKind.SIDECAR.name(), hashed, runId, ArtifactKind.SUBJECT.name()));
        // Release names are built by ReleaseKey alone, never by SQL string concatenation.
        reported.addAll(jdbc.query("SELECT directory, project, version, blocked_by FROM release_set WHERE source = ? AND state = ?",
                (rs, n) -> new Problem(new ReleaseKey(rs.getString(1), rs.getString(2), rs.getString(3)).displayName(),
                        rs.getString(4), true), source, ReleaseState.BLOCKED.name()));
        reported.sort(Comparator.comparing(Problem::path));
        return reported;
    }

    public record Problem(String path, String reason, boolean skipped) {
    }
}
