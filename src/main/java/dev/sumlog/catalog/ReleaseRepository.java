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
 * The release table and the grouping of artifacts into releases. Grouping is set-based SQL over
 * the release key the crawl stored on each artifact (directory, normalized project, version), so it
 * is idempotent and restart needs no cursor: running it again finds nothing left to do.
 */
@Repository
public class ReleaseRepository {

    private final JdbcTemplate jdbc;

    public ReleaseRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure every release member is attached: creates missing releases, attaches detached
     * members and marks their releases to be written. The crawl attaches as it goes ({@link #attach})
     * and the gone-marking detaches, so normally this finds nothing; it is the idempotent repair that
     * lets grouping never depend on how an earlier run ended.
     *
     * @return releases now pending a write
     */
    public int group(String source) {
        jdbc.update("""
                INSERT INTO release_set (source, directory, project, version, state)
                SELECT DISTINCT a.source, a.directory, a.project, a.version, 'PENDING' FROM artifact a
                WHERE a.source = ? AND a.project IS NOT NULL AND a.state <> 'GONE'
                  AND a.release_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM release_set r WHERE r.source = a.source
                                  AND r.directory = a.directory AND r.project = a.project AND r.version = a.version)
                """, source);
        // Driven from the detached artifacts (few) through the release key index, never per release.
        jdbc.update("""
                UPDATE release_set SET state = 'PENDING' WHERE state <> 'PENDING' AND id IN (
                  SELECT r.id FROM artifact a JOIN release_set r ON r.source = a.source
                    AND r.directory = a.directory AND r.project = a.project AND r.version = a.version
                  WHERE a.source = ? AND a.release_id IS NULL AND a.project IS NOT NULL AND a.state <> 'GONE')
                """, source);
        jdbc.update("""
                UPDATE artifact SET release_id = (SELECT r.id FROM release_set r WHERE r.source = artifact.source
                        AND r.directory = artifact.directory AND r.project = artifact.project
                        AND r.version = artifact.version)
                WHERE source = ? AND release_id IS NULL AND project IS NOT NULL AND state <> 'GONE'
                """, source);
        return jdbc.queryForObject("SELECT COUNT(*) FROM release_set WHERE source = ? AND state = 'PENDING'",
                Integer.class, source);
    }

    /**
     * The ids of the given releases, creating the missing ones (PENDING), and marks all of them and
     * {@code alsoDirty} PENDING: they gain, change or lose a member in the caller's chunk. Looked up
     * by directory (the crawl order keeps a chunk within a few directories).
     */
    public Map<ReleaseCoordinates, Long> attach(String source, Set<ReleaseCoordinates> keys, Set<Long> alsoDirty) {
        Map<ReleaseCoordinates, Long> ids = existing(source, keys);
        List<ReleaseCoordinates> missing = keys.stream().filter(k -> !ids.containsKey(k)).toList();
        jdbc.batchUpdate("INSERT INTO release_set (source, directory, project, version, state) VALUES (?, ?, ?, ?, 'PENDING')",
                missing, missing.size(), (ps, k) -> {
                    ps.setString(1, source);
                    ps.setString(2, k.directory());
                    ps.setString(3, k.project());
                    ps.setString(4, k.version());
                });
        if (!missing.isEmpty()) {
            ids.putAll(existing(source, new HashSet<>(missing)));
        }
        Set<Long> dirty = new HashSet<>(ids.values());
        dirty.addAll(alsoDirty);
        jdbc.batchUpdate("UPDATE release_set SET state = 'PENDING' WHERE id = ? AND state <> 'PENDING'",
                dirty.stream().map(id -> new Object[] {id}).toList());
        return ids;
    }

    private Map<ReleaseCoordinates, Long> existing(String source, Set<ReleaseCoordinates> keys) {
        Map<ReleaseCoordinates, Long> ids = new HashMap<>();
        List<String> directories = keys.stream().map(ReleaseCoordinates::directory).distinct().toList();
        if (directories.isEmpty()) {
            return ids;
        }
        List<Object> args = new ArrayList<>(directories);
        args.add(source);
        jdbc.query("SELECT id, directory, project, version FROM release_set WHERE directory IN ("
                + String.join(", ", Collections.nCopies(directories.size(), "?")) + ") AND source = ?", rs -> {
            ReleaseCoordinates key = new ReleaseCoordinates(rs.getString(2), rs.getString(3), rs.getString(4));
            if (keys.contains(key)) {
                ids.put(key, rs.getLong(1));
            }
        }, args.toArray());
        return ids;
    }

    /**
     * Next releases still to write, strictly after {@code afterId}, in id order, each with its live
     * members and the sums digest it was logged with (if any): three queries per page, not per release.
     */
    public List<ReleaseRow> nextPending(String source, long afterId, int limit) {
        List<long[]> ids = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        jdbc.query("""
                SELECT id, directory, project, version FROM release_set
                WHERE source = ? AND state = 'PENDING' AND id > ? ORDER BY source, state, id FETCH FIRST ? ROWS ONLY""",
                rs -> {
                    ids.add(new long[] {rs.getLong(1)});
                    keys.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }, source, afterId, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Object[] idArgs = ids.stream().map(id -> (Object) id[0]).toArray();
        Map<Long, List<Member>> members = new HashMap<>();
        jdbc.query("SELECT release_id, file_name, state, sha256, failure FROM artifact WHERE state <> 'GONE' "
                + "AND release_id IN (" + marks + ") ORDER BY release_id, file_name", rs -> {
            members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Member(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }, idArgs);
        Map<Long, String> logged = new HashMap<>();
        jdbc.query("SELECT release_id, sums_sha256 FROM submission WHERE state = 'LOGGED' AND release_id IN ("
                + marks + ") ORDER BY id", rs -> {
            logged.putIfAbsent(rs.getLong(1), rs.getString(2));
        }, idArgs);
        List<ReleaseRow> rows = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i)[0];
            String[] key = keys.get(i);
            rows.add(new ReleaseRow(id, key[0], key[1], key[2], members.getOrDefault(id, List.of()), logged.get(id)));
        }
        return rows;
    }

    public void recordWritten(long runId, List<? extends WriteOutcome> outcomes) {
        jdbc.batchUpdate("""
                UPDATE release_set SET state = ?, sums_path = ?, sums_sha256 = ?, blocked_by = ?, rget_name = ?,
                  member_count = ?, written_run = ? WHERE id = ?""", outcomes, outcomes.size(), (ps, o) -> {
            ps.setString(1, o.state());
            ps.setString(2, o.sumsPath());
            ps.setString(3, o.sumsSha256());
            ps.setString(4, o.blockedBy());
            ps.setString(5, o.rgetName());
            ps.setInt(6, o.memberCount());
            ps.setLong(7, runId);
            ps.setLong(8, o.releaseId());
        });
    }

    /**
     * A release to write.
     *
     * @param loggedSha256 the sums digest a log already holds for it, or null when never logged
     */
    public record ReleaseRow(long id, String directory, String project, String version, List<Member> members,
                             String loggedSha256) {
    }

    public record Member(String fileName, String state, String sha256, String failure) {
    }

    /**
     * What the write step did with a release: WRITTEN (sums on disk), BLOCKED (a member could not be
     * read, so no partial sums were written) or EMPTY (no live member left).
     */
    public record WriteOutcome(long releaseId, String state, String sumsPath, String sumsSha256,
                               String blockedBy, String rgetName, int memberCount) {
    }
}
