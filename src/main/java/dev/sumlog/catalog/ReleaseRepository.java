package dev.sumlog.catalog;

import dev.sumlog.release.ReleaseKey;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The release table and the attachment of artifacts to releases. States are {@link ReleaseState}.
 * Every method is idempotent, so a replayed chunk or a re-run repair changes nothing twice.
 */
@Repository
public class ReleaseRepository {

    private static final String PENDING = ReleaseState.PENDING.name();
    /** Artifacts that still count as members (anything but GONE); a constant, so inlined into the SQL. */
    private static final String GONE = ArtifactState.GONE.name();

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
                SELECT DISTINCT a.source, a.directory, a.project, a.version, ? FROM artifact a
                WHERE a.source = ? AND a.project IS NOT NULL AND a.state <> '%s'
                  AND a.release_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM release_set r WHERE r.source = a.source
                                  AND r.directory = a.directory AND r.project = a.project AND r.version = a.version)
                """.formatted(GONE), PENDING, source);
        // Driven from the detached artifacts (few) through the release key index, never per release.
        jdbc.update("""
                UPDATE release_set SET state = ? WHERE state <> ? AND id IN (
                  SELECT r.id FROM artifact a JOIN release_set r ON r.source = a.source
                    AND r.directory = a.directory AND r.project = a.project AND r.version = a.version
                  WHERE a.source = ? AND a.release_id IS NULL AND a.project IS NOT NULL AND a.state <> '%s')
                """.formatted(GONE), PENDING, PENDING, source);
        jdbc.update("""
                UPDATE artifact SET release_id = (SELECT r.id FROM release_set r WHERE r.source = artifact.source
                        AND r.directory = artifact.directory AND r.project = artifact.project
                        AND r.version = artifact.version)
                WHERE source = ? AND release_id IS NULL AND project IS NOT NULL AND state <> '%s'
                """.formatted(GONE), source);
        return countPending(source);
    }

    public int countPending(String source) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM release_set WHERE source = ? AND state = ?",
                Integer.class, source, PENDING);
    }

    /** {@link #attach(String, Set, Set, ReleaseIds)} without ids remembered from earlier calls. */
    public Map<ReleaseKey, Long> attach(String source, Set<ReleaseKey> keys, Set<Long> alsoDirty) {
        return attach(source, keys, alsoDirty, new ReleaseIds());
    }

    /**
     * The ids of the given releases, creating the missing ones (PENDING), and marks all of them and
     * {@code alsoDirty} PENDING: they gain, change or lose a member in the caller's chunk. Each
     * directory's existing ids are read once into {@code known} (see {@link ReleaseIds}); the ids of
     * created rows come back from the insert itself.
     */
    public Map<ReleaseKey, Long> attach(String source, Set<ReleaseKey> keys, Set<Long> alsoDirty, ReleaseIds known) {
        Map<ReleaseKey, Long> ids = new HashMap<>();
        List<ReleaseKey> missing = new ArrayList<>();
        for (ReleaseKey key : keys) {
            Long id = known.directory(key.directory(), d -> inDirectory(source, d)).get(key);
            if (id != null) {
                ids.put(key, id);
            } else {
                missing.add(key);
            }
        }
        // Only existing rows can be in another state: the ones created here start PENDING.
        Set<Long> dirty = new HashSet<>(ids.values());
        dirty.addAll(alsoDirty);
        jdbc.batchUpdate("UPDATE release_set SET state = ? WHERE id = ? AND state <> ?",
                dirty.stream().map(id -> new Object[] {PENDING, id, PENDING}).toList());
        List<Long> created = insert(source, missing);
        for (int i = 0; i < missing.size(); i++) {
            ids.put(missing.get(i), created.get(i));
            known.created(missing.get(i), created.get(i));
        }
        return ids;
    }

    /** Inserts PENDING releases; their generated ids, in order. */
    private List<Long> insert(String source, List<ReleaseKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        KeyHolder generated = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement(
                "INSERT INTO release_set (source, directory, project, version, state) VALUES (?, ?, ?, ?, ?)",
                new String[] {"id"}), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ReleaseKey k = keys.get(i);
                        ps.setString(1, source);
                        ps.setString(2, k.directory());
                        ps.setString(3, k.project());
                        ps.setString(4, k.version());
                        ps.setString(5, PENDING);
                    }

                    @Override
                    public int getBatchSize() {
                        return keys.size();
                    }
                }, generated);
        List<Long> ids = generated.getKeyList().stream().map(row -> ((Number) row.values().iterator().next()).longValue())
                .toList();
        if (ids.size() != keys.size()) {
            throw new IllegalStateException("the catalog returned " + ids.size() + " ids for " + keys.size()
                    + " new releases");
        }
        return ids;
    }

    private Map<ReleaseKey, Long> inDirectory(String source, String directory) {
        Map<ReleaseKey, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, project, version FROM release_set WHERE directory = ? AND source = ?", rs -> {
            ids.put(new ReleaseKey(directory, rs.getString(2), rs.getString(3)), rs.getLong(1));
        }, directory, source);
        return ids;
    }

    /**
     * Marks WRITTEN releases whose sums file the output tree {@code outRoot} does not hold (by the
     * output registry) to be written again, so a new {@code --out} gets every sums file from the
     * catalog without hashing anything again.
     *
     * @return releases marked
     */
    public int markMissingFrom(String source, String outRoot) {
        return jdbc.update("""
                UPDATE release_set SET state = ? WHERE source = ? AND state = ? AND NOT EXISTS (
                  SELECT 1 FROM output_file o WHERE o.path = release_set.sums_path AND o.out_root = ?)""",
                PENDING, source, ReleaseState.WRITTEN.name(), outRoot);
    }

    /**
     * Queues BLOCKED releases to be tried again: what blocked them (an unreadable member, a name or
     * file in the way of an output) may be gone, and a release must never stay unwritten silently.
     */
    public int retryBlocked(String source) {
        return jdbc.update("UPDATE release_set SET state = ? WHERE source = ? AND state = ?",
                PENDING, source, ReleaseState.BLOCKED.name());
    }

    /**
     * Next releases still to write, strictly after {@code afterId}, in id order, each with its live
     * members and the sums digest it was logged with (if any): three queries per page, not per release.
     */
    public List<ReleaseRow> nextPending(String source, long afterId, int limit) {
        List<ReleaseRow> heads = jdbc.query("""
                SELECT id, directory, project, version FROM release_set
                WHERE source = ? AND state = ? AND id > ? ORDER BY source, state, id FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new ReleaseRow(rs.getLong(1), new ReleaseKey(rs.getString(2), rs.getString(3),
                        rs.getString(4)), List.of(), null),
                source, PENDING, afterId, limit);
        if (heads.isEmpty()) {
            return heads;
        }
        String marks = Sql.marks(heads.size());
        Object[] ids = heads.stream().map(ReleaseRow::id).toArray();
        Map<Long, List<ReleaseRow.Member>> members = new HashMap<>();
        jdbc.query("SELECT release_id, file_name, state, sha256, failure, doubt FROM artifact WHERE state <> '" + GONE
                + "' AND release_id IN (" + marks + ") ORDER BY release_id, file_name", rs -> {
            members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ReleaseRow.Member(rs.getString(2),
                    ArtifactState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)));
        }, ids);
        // The newest logged content is the claim a rewrite must match, unless an operator accepted its
        // change (reconcile --accept): then the release may be written and logged anew.
        Map<Long, String> logged = new HashMap<>();
        jdbc.query("SELECT release_id, sums_sha256 FROM submission WHERE state = '" + SubmissionState.LOGGED.name()
                + "' AND release_id IN (" + marks + ") ORDER BY id", rs -> {
            logged.put(rs.getLong(1), rs.getString(2));
        }, ids);
        if (!logged.isEmpty()) {
            jdbc.query("SELECT release_id, superseded_sha256 FROM release_acceptance WHERE release_id IN (" + marks + ")",
                    rs -> {
                        logged.remove(rs.getLong(1), rs.getString(2));
                    }, ids);
        }
        return heads.stream().map(h -> new ReleaseRow(h.id(), h.key(), members.getOrDefault(h.id(), List.of()),
                logged.get(h.id()))).toList();
    }

    public void recordWritten(long runId, List<? extends WriteOutcome> outcomes) {
        jdbc.batchUpdate("""
                UPDATE release_set SET state = ?, sums_path = ?, sums_sha256 = ?, blocked_by = ?, rget_name = ?,
                  member_count = ?, written_run = ? WHERE id = ?""", outcomes, outcomes.size(), (ps, o) -> {
            ps.setString(1, o.state().name());
            ps.setString(2, o.sumsPath());
            ps.setString(3, o.sumsSha256());
            ps.setString(4, o.reason());
            ps.setString(5, o.rgetName());
            ps.setInt(6, o.memberCount());
            ps.setLong(7, runId);
            ps.setLong(8, o.releaseId());
        });
    }

    /** The newest releases of a source that have an rget name, for {@code status}. */
    public List<NamedRelease> latestNamed(String source, int limit) {
        return jdbc.query("""
                SELECT directory, project, version, rget_name FROM release_set WHERE source = ? AND rget_name IS NOT NULL
                ORDER BY id DESC FETCH FIRST ? ROWS ONLY""",
                (rs, n) -> new NamedRelease(new ReleaseKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4)), source, limit);
    }

    /** A release with its rget name. */
    public record NamedRelease(ReleaseKey key, String rgetName) {
    }
}
