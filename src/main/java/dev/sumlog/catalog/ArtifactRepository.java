package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Records crawled files. Idempotent: a file already known and unchanged (size, mtime and
     * classification) keeps its digest and release and is only marked seen; a changed one, or one
     * that had failed or vanished before, goes back to PENDING (hashed again) and loses its release,
     * which grouping re-assigns.
     */
    public void recordCrawled(String source, long runId, List<NewArtifact> files) {
        if (files.isEmpty()) {
            return;
        }
        Map<String, NewArtifact> known = known(source, files);
        List<NewArtifact> fresh = new ArrayList<>();
        List<NewArtifact> changed = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        for (NewArtifact file : files) {
            NewArtifact before = known.get(file.path());
            if (before == null) {
                fresh.add(file);
            } else if (before.equals(file)) {
                seen.add(new Object[] {runId, source, file.path()});
            } else {
                changed.add(file);
            }
        }
        jdbc.batchUpdate("UPDATE artifact SET last_seen_run = ? WHERE source = ? AND path = ?", seen);
        jdbc.batchUpdate("""
                UPDATE artifact SET state = 'PENDING', release_id = NULL, failure = NULL, size = ?, mtime = ?,
                  kind = ?, project = ?, version = ?, note = ?, last_seen_run = ?
                WHERE source = ? AND path = ?""", changed, changed.size(), (ps, f) -> {
            ps.setLong(1, f.size());
            ps.setLong(2, f.mtime());
            ps.setString(3, f.kind().name());
            ps.setString(4, f.project());
            ps.setString(5, f.version());
            ps.setString(6, f.note());
            ps.setLong(7, runId);
            ps.setString(8, source);
            ps.setString(9, f.path());
        });
        jdbc.batchUpdate("""
                INSERT INTO artifact (source, path, directory, file_name, size, mtime, kind, project, version,
                                      note, state, first_seen_run, last_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", fresh, fresh.size(), (ps, f) -> {
            ps.setString(1, source);
            ps.setString(2, f.path());
            ps.setString(3, f.directory());
            ps.setString(4, f.fileName());
            ps.setLong(5, f.size());
            ps.setLong(6, f.mtime());
            ps.setString(7, f.kind().name());
            ps.setString(8, f.project());
            ps.setString(9, f.version());
            ps.setString(10, f.note());
            ps.setLong(11, runId);
            ps.setLong(12, runId);
        });
    }

    /**
     * The catalog's view of these paths, as the crawl would describe them; a row that failed or
     * vanished is left out so that it counts as changed and is retried.
     */
    private Map<String, NewArtifact> known(String source, List<NewArtifact> files) {
        String marks = String.join(", ", Collections.nCopies(files.size(), "?"));
        List<Object> args = new ArrayList<>(files.size() + 1);
        args.add(source);
        files.forEach(f -> args.add(f.path()));
        Map<String, NewArtifact> known = new HashMap<>();
        jdbc.query("SELECT path, directory, file_name, size, mtime, kind, project, version, note, state FROM artifact "
                + "WHERE source = ? AND path IN (" + marks + ")", rs -> {
            if ("FAILED".equals(rs.getString(10)) || "GONE".equals(rs.getString(10))) {
                return;
            }
            known.put(rs.getString(1), new NewArtifact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getLong(5), ArtifactKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                    rs.getString(9)));
        }, args.toArray());
        return known;
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
    public void recordHashed(long runId, List<? extends HashOutcome> outcomes) {
        jdbc.batchUpdate("""
                UPDATE artifact SET state = ?, sha256 = ?, size = ?, mtime = ?, failure = ?, hashed_run = ?
                WHERE id = ? AND state = 'PENDING'""", outcomes, outcomes.size(), (ps, o) -> {
            ps.setString(1, o.isFailed() ? "FAILED" : "HASHED");
            ps.setString(2, o.sha256());
            ps.setLong(3, o.size());
            ps.setLong(4, o.mtime());
            ps.setString(5, o.failure());
            ps.setLong(6, runId);
            ps.setLong(7, o.id());
        });
    }
}
