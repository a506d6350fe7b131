package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The artifact table. Every write here runs inside the calling chunk's transaction, so a row's state
 * and the step's restart cursor always commit together.
 */
@Repository
public class ArtifactRepository {

    private final JdbcTemplate jdbc;

    public ArtifactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records crawled files. Idempotent: a file already known keeps its digest unless its size or
     * mtime changed (then it is hashed again) or it had failed or vanished before (then it is retried).
     * A changed file or a changed classification also loses its release, which grouping re-assigns.
     */
    public void recordCrawled(String source, long runId, List<NewArtifact> files) {
        if (files.isEmpty()) {
            return;
        }
        int[] updated = jdbc.batchUpdate("""
                UPDATE artifact SET
                  state = CASE WHEN size <> ? OR mtime <> ? OR state IN ('FAILED', 'GONE') THEN 'PENDING' ELSE state END,
                  release_id = CASE WHEN size <> ? OR mtime <> ? OR state IN ('FAILED', 'GONE') OR kind <> ?
                                      OR project IS DISTINCT FROM ? OR version IS DISTINCT FROM ?
                                    THEN NULL ELSE release_id END,
                  failure = NULL,
                  size = ?, mtime = ?, kind = ?, project = ?, version = ?, note = ?, last_seen_run = ?
                WHERE source = ? AND path = ?""", files, files.size(), (ps, f) -> {
            int i = 1;
            ps.setLong(i++, f.size());
            ps.setLong(i++, f.mtime());
            ps.setLong(i++, f.size());
            ps.setLong(i++, f.mtime());
            ps.setString(i++, f.kind().name());
            ps.setString(i++, f.project());
            ps.setString(i++, f.version());
            ps.setLong(i++, f.size());
            ps.setLong(i++, f.mtime());
            ps.setString(i++, f.kind().name());
            ps.setString(i++, f.project());
            ps.setString(i++, f.version());
            ps.setString(i++, f.note());
            ps.setLong(i++, runId);
            ps.setString(i++, source);
            ps.setString(i, f.path());
        })[0];
        List<NewArtifact> fresh = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (updated[i] == 0) {
                fresh.add(files.get(i));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO artifact (source, path, directory, file_name, size, mtime, kind, project, version,
                                      note, state, first_seen_run, last_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", fresh, fresh.size(), (ps, f) -> {
            int i = 1;
            ps.setString(i++, source);
            ps.setString(i++, f.path());
            ps.setString(i++, f.directory());
            ps.setString(i++, f.fileName());
            ps.setLong(i++, f.size());
            ps.setLong(i++, f.mtime());
            ps.setString(i++, f.kind().name());
            ps.setString(i++, f.project());
            ps.setString(i++, f.version());
            ps.setString(i++, f.note());
            ps.setLong(i++, runId);
            ps.setLong(i, runId);
        });
    }

    /** Marks files the finished crawl of {@code runId} did not see as gone; returns how many. */
    public int markUnseenGone(String source, long runId) {
        return jdbc.update("""
                UPDATE artifact SET state = 'GONE', release_id = NULL
                WHERE source = ? AND last_seen_run < ? AND state <> 'GONE'""", source, runId);
    }

    /** The next page of rows still to hash, in id order, strictly after {@code afterId}. */
    public List<PendingArtifact> nextPending(String source, long afterId, int limit) {
        return jdbc.query("""
                SELECT id, path, size, mtime FROM artifact
                WHERE source = ? AND state = 'PENDING' AND id > ?
                ORDER BY source, state, id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new PendingArtifact(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                source, afterId, limit);
    }

    /**
     * Stores hash results. Guarded by {@code state = 'PENDING'} so replaying a chunk after a crash
     * cannot overwrite a newer result.
     */
    public void recordHashed(List<? extends HashOutcome> outcomes) {
        jdbc.batchUpdate("""
                UPDATE artifact SET state = ?, sha256 = ?, size = ?, mtime = ?, failure = ?
                WHERE id = ? AND state = 'PENDING'""", outcomes, outcomes.size(), (ps, o) -> {
            ps.setString(1, o.isFailed() ? "FAILED" : "HASHED");
            ps.setString(2, o.sha256());
            ps.setLong(3, o.size());
            ps.setLong(4, o.mtime());
            ps.setString(5, o.failure());
            ps.setLong(6, o.id());
        });
    }
}
