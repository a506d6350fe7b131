package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * Sorts crawled files against the catalog: fresh (never seen), changed (size, mtime or
     * classification differ, or it had failed or vanished: hashed again), or unchanged (only marked
     * seen, keeping its digest and release). One query per chunk.
     */
    public CrawlDelta compare(String source, List<NewArtifact> files) {
        Map<String, Known> known = known(source, files);
        CrawlDelta delta = new CrawlDelta(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashSet<>());
        for (NewArtifact file : files) {
            Known before = known.get(file.path());
            if (before == null) {
                delta.fresh().add(file);
            } else if (before.seenAs().equals(file) && !before.needsRetry()) {
                delta.unchanged().add(file);
            } else {
                delta.changed().add(file);
                if (before.releaseId() != null) {
                    delta.releasesLosingMembers().add(before.releaseId());
                }
            }
        }
        return delta;
    }

    /**
     * Records a compared chunk. Fresh and changed files go (back) to PENDING, attached to the
     * release of their key ({@code releaseIds}, created by the caller); unchanged ones are marked seen.
     */
    public void record(String source, long runId, CrawlDelta delta, Map<ReleaseCoordinates, Long> releaseIds) {
        jdbc.batchUpdate("UPDATE artifact SET last_seen_run = ? WHERE source = ? AND path = ?", delta.unchanged(),
                delta.unchanged().size(), (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, source);
                    ps.setString(3, f.path());
                });
        jdbc.batchUpdate("""
                UPDATE artifact SET state = 'PENDING', release_id = ?, failure = NULL, size = ?, mtime = ?,
                  kind = ?, project = ?, version = ?, note = ?, last_seen_run = ?
                WHERE source = ? AND path = ?""", delta.changed(), delta.changed().size(), (ps, f) -> {
            ps.setObject(1, releaseIds.get(ReleaseCoordinates.of(f)));
            ps.setLong(2, f.size());
            ps.setLong(3, f.mtime());
            ps.setString(4, f.kind().name());
            ps.setString(5, f.project());
            ps.setString(6, f.version());
            ps.setString(7, f.note());
            ps.setLong(8, runId);
            ps.setString(9, source);
            ps.setString(10, f.path());
        });
        jdbc.batchUpdate("""
                INSERT INTO artifact (source, path, directory, file_name, size, mtime, kind, project, version,
                                      note, state, release_id, first_seen_run, last_seen_run)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""", delta.fresh(), delta.fresh().size(), (ps, f) -> {
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
            ps.setObject(11, releaseIds.get(ReleaseCoordinates.of(f)));
            ps.setLong(12, runId);
            ps.setLong(13, runId);
        });
    }

    /** The catalog's view of these paths, as the crawl would describe them. */
    private Map<String, Known> known(String source, List<NewArtifact> files) {
        Map<String, Known> known = new HashMap<>();
        if (files.isEmpty()) {
            return known;
        }
        String marks = String.join(", ", Collections.nCopies(files.size(), "?"));
        List<Object> args = new ArrayList<>(files.size() + 1);
        args.add(source);
        files.forEach(f -> args.add(f.path()));
        jdbc.query("SELECT path, directory, file_name, size, mtime, kind, project, version, note, state, release_id "
                + "FROM artifact WHERE source = ? AND path IN (" + marks + ")", rs -> {
            NewArtifact seenAs = new NewArtifact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                    rs.getLong(5), ArtifactKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                    rs.getString(9));
            String state = rs.getString(10);
            known.put(seenAs.path(), new Known(seenAs, "FAILED".equals(state) || "GONE".equals(state),
                    (Long) rs.getObject(11)));
        }, args.toArray());
        return known;
    }

    private record Known(NewArtifact seenAs, boolean needsRetry, Long releaseId) {
    }

    /**
     * A crawled chunk sorted against the catalog.
     *
     * @param releasesLosingMembers releases a changed file belonged to: their sums no longer hold
     */
    public record CrawlDelta(List<NewArtifact> fresh, List<NewArtifact> changed, List<NewArtifact> unchanged,
                             Set<Long> releasesLosingMembers) {

        /** Release keys of the files that are (re)attached by this chunk. */
        public Set<ReleaseCoordinates> attachedReleases() {
            Set<ReleaseCoordinates> keys = new HashSet<>();
            fresh.stream().filter(f -> f.project() != null).forEach(f -> keys.add(ReleaseCoordinates.of(f)));
            changed.stream().filter(f -> f.project() != null).forEach(f -> keys.add(ReleaseCoordinates.of(f)));
            return keys;
        }
    }

    /**
     * Marks files the finished crawl of {@code runId} did not see as gone, after marking their
     * releases to be written again (their sums list a file that is no longer there).
     *
     * @return how many files are gone
     */
    public int markUnseenGone(String source, long runId) {
        jdbc.update("""
                UPDATE release_set SET state = 'PENDING' WHERE state <> 'PENDING' AND id IN (
                  SELECT release_id FROM artifact WHERE source = ? AND last_seen_run < ? AND state <> 'GONE'
                    AND release_id IS NOT NULL)""", source, runId);
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
