package dev.sumlog.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Creates the releases new artifacts belong to, attaches those artifacts, and marks every release
     * whose membership changed (a member added, changed or gone) as needing its sums written again.
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
        jdbc.update("UPDATE artifact SET release_id = NULL WHERE source = ? AND state = 'GONE' AND release_id IS NOT NULL",
                source);
        // A changed or new member is detached until now: its release must be written again. Driven
        // from the detached artifacts (few) through the release key index, never per release.
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
        // A member gone or moved to another release: the written sums list a file no longer there.
        jdbc.update("""
                UPDATE release_set SET state = 'PENDING' WHERE source = ? AND state <> 'PENDING'
                  AND member_count <> (SELECT COUNT(*) FROM artifact a WHERE a.release_id = release_set.id)
                """, source);
        return jdbc.queryForObject("SELECT COUNT(*) FROM release_set WHERE source = ? AND state = 'PENDING'",
                Integer.class, source);
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
