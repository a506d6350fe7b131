package dev.sumlog.catalog;

import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.release.ArtifactKind;
import dev.sumlog.release.ReleaseKey;
import dev.sumlog.signature.SignatureResult;
import dev.sumlog.support.FileStamp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The artifact table. Every write here runs inside the calling chunk's transaction, so a row's state
 * and the step's restart cursor always commit together. States are {@link ArtifactState}.
 */
@Repository
public class ArtifactRepository {

    private static final String STAMP_COLUMNS = "size, mtime, ctime, inode";

    private final JdbcTemplate jdbc;

    public ArtifactRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Sorts crawled files against the catalog: fresh (never seen), changed (stamp or classification
     * differ, or it had failed or vanished: hashed again), or unchanged (only marked seen, keeping its
     * digest and release). One query per chunk.
     */
    public CrawlDelta compare(String source, List<NewArtifact> files) {
        return compare(source, files, ReadNeeds.NONE);
    }

    /**
     * As {@link #compare(String, List)}, where an unchanged file that the job's read checks have never
     * looked at (checks switched on since it was read, or a catalog from before them) counts as changed:
     * it is read once more so that it gets its verdict.
     */
    public CrawlDelta compare(String source, List<NewArtifact> files, ReadNeeds needs) {
        Map<String, Known> known = known(source, files, needs);
        CrawlDelta delta = new CrawlDelta(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashSet<>(),
                new LinkedHashSet<>());
        for (NewArtifact file : files) {
            Known before = known.get(file.path());
            if (before != null && before.seenAs().equals(file) && !before.needsRetry() && !needs.everything()) {
                delta.unchanged().add(file);
                delta.unchangedIds().add(before.id());
                continue;
            }
            (before == null ? delta.fresh() : delta.changed()).add(file);
            if (before != null && before.releaseId() != null) {
                delta.releasesLosingMembers().add(before.releaseId());
            }
            if (file.release() != null) {
                delta.attachedReleases().add(file.release());
            }
        }
        return delta;
    }

    /**
     * Records a compared chunk. Fresh and changed files go (back) to PENDING, attached to the
     * release of their key ({@code releaseIds}, created by the caller); unchanged ones are marked seen.
     */
    public void record(String source, long runId, CrawlDelta delta, Map<ReleaseKey, Long> releaseIds) {
        // The nightly case is a chunk of unchanged files: one statement by primary key, not one lookup per path.
        List<Long> seen = delta.unchangedIds();
        for (int from = 0; from < seen.size(); from += 500) {
            List<Long> slice = seen.subList(from, Math.min(from + 500, seen.size()));
            List<Object> args = new ArrayList<>(slice.size() + 1);
            args.add(runId);
            args.addAll(slice);
            jdbc.update("UPDATE artifact SET last_seen_run = ? WHERE id IN (" + Sql.marks(slice.size()) + ")", args.toArray());
        }
        jdbc.batchUpdate("""
                UPDATE artifact SET state = ?, release_id = ?, failure = NULL, size = ?, mtime = ?, ctime = ?, inode = ?,
                  kind = ?, project = ?, version = ?, note = ?, last_seen_run = ?
                WHERE source = ? AND path = ?""", delta.changed(), delta.changed().size(), (ps, f) -> {
            ps.setString(1, ArtifactState.PENDING.name());
            ps.setObject(2, f.release() == null ? null : releaseIds.get(f.release()));
            setStamp(ps, 3, f.stamp());
            setClassification(ps, 7, f);
            ps.setLong(11, runId);
            ps.setString(12, source);
            ps.setString(13, f.path());
        });
        jdbc.batchUpdate("""
                INSERT INTO artifact (state, release_id, size, mtime, ctime, inode, kind, project, version, note,
                                      first_seen_run, last_seen_run, source, path, directory, file_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", delta.fresh(), delta.fresh().size(), (ps, f) -> {
            ps.setString(1, ArtifactState.PENDING.name());
            ps.setObject(2, f.release() == null ? null : releaseIds.get(f.release()));
            setStamp(ps, 3, f.stamp());
            setClassification(ps, 7, f);
            ps.setLong(11, runId);
            ps.setLong(12, runId);
            ps.setString(13, source);
            ps.setString(14, f.path());
            ps.setString(15, f.directory());
            ps.setString(16, f.fileName());
        });
    }

    /**
     * Marks every row under {@code directory} ("" for the whole archive) as seen by this run, as it
     * was: a directory whose listing could not be read says nothing about its files, so none of them
     * may be marked gone (a server error must not look like a deleted archive).
     */
    public void keepUnder(String source, long runId, String directory) {
        if (directory.isEmpty()) {
            jdbc.update("UPDATE artifact SET last_seen_run = ? WHERE source = ?", runId, source);
            return;
        }
        String escaped = directory.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        jdbc.update("UPDATE artifact SET last_seen_run = ? WHERE source = ? AND path LIKE ? ESCAPE '\\'",
                runId, source, escaped + "/%");
    }

    /** The catalog's view of these paths, as the crawl would describe them. */
    private Map<String, Known> known(String source, List<NewArtifact> files, ReadNeeds needs) {
        Map<String, Known> known = new HashMap<>();
        if (files.isEmpty()) {
            return known;
        }
        List<Object> args = new ArrayList<>(files.size() + 1);
        args.add(source);
        files.forEach(f -> args.add(f.path()));
        jdbc.query("SELECT path, directory, file_name, " + STAMP_COLUMNS + ", kind, project, version, note, state, "
                + "release_id, integrity, signature, id FROM artifact WHERE source = ? AND path IN ("
                + Sql.marks(files.size()) + ")", rs -> {
            String project = rs.getString(9);
            ReleaseKey release = project == null ? null : new ReleaseKey(rs.getString(2), project, rs.getString(10));
            NewArtifact seenAs = new NewArtifact(rs.getString(1), rs.getString(2), rs.getString(3), stamp(rs, 4),
                    ArtifactKind.valueOf(rs.getString(8)), release, rs.getString(11));
            ArtifactState state = ArtifactState.valueOf(rs.getString(12));
            String integrity = rs.getString(14);
            boolean unchecked = state == ArtifactState.HASHED
                    && ((needs.integrity() && (integrity == null || integrity.equals("SKIPPED")))
                    || (needs.signatures() && seenAs.kind() == ArtifactKind.SUBJECT && rs.getString(15) == null));
            known.put(seenAs.path(), new Known(seenAs, state == ArtifactState.FAILED || state == ArtifactState.GONE
                    || unchecked, (Long) rs.getObject(13), rs.getLong(16)));
        }, args.toArray());
        return known;
    }

    private record Known(NewArtifact seenAs, boolean needsRetry, Long releaseId, long id) {
    }

    /**
     * Which read checks the job makes: a file read without them is read again once.
     *
     * @param everything every file counts as changed ({@code reconcile --full}): all are read again
     */
    public record ReadNeeds(boolean integrity, boolean signatures, boolean everything) {
        public static final ReadNeeds NONE = new ReadNeeds(false, false);

        public ReadNeeds(boolean integrity, boolean signatures) {
            this(integrity, signatures, false);
        }

        public ReadNeeds withEverything(boolean all) {
            return new ReadNeeds(integrity, signatures, all);
        }
    }

    /**
     * Marks files the finished crawl of {@code runId} did not see as gone, after marking their
     * releases to be written again (their sums list a file that is no longer there).
     *
     * @return how many files are gone
     */
    public int markUnseenGone(String source, long runId) {
        String gone = ArtifactState.GONE.name();
        String pending = ReleaseState.PENDING.name();
        jdbc.update("""
                UPDATE release_set SET state = ? WHERE state <> ? AND id IN (
                  SELECT release_id FROM artifact WHERE source = ? AND last_seen_run < ? AND state <> ?
                    AND release_id IS NOT NULL)""", pending, pending, source, runId, gone);
        return jdbc.update("""
                UPDATE artifact SET state = ?, release_id = NULL
                WHERE source = ? AND last_seen_run < ? AND state <> ?""", gone, source, runId, gone);
    }

    /** The next page of rows still to hash, in id order, strictly after {@code afterId}. */
    public List<PendingArtifact> nextPending(String source, long afterId, int limit) {
        return nextPending(source, Long.MAX_VALUE, Long.MIN_VALUE, afterId, limit);
    }

    /**
     * The next page of rows still to hash in hash order, strictly after the row ({@code afterSize},
     * {@code afterId}) in that order (start with {@code Long.MAX_VALUE, Long.MIN_VALUE}). Hash order
     * is: files of at least {@code largeBytes} first, largest first (ties by id), so that no large file
     * starts last and holds up the end of the step; then the others in id order, which is crawl order,
     * so that each chunk's updates land on neighbouring catalog pages. The large files are found
     * without an index: a page that starts among them scans the pending rows (as {@link #pendingBacklog}
     * does), so callers ask for large pages there. An index on size would cost every crawled file a
     * randomly placed index entry, rewritten by each commit.
     */
    public List<PendingArtifact> nextPending(String source, long largeBytes, long afterSize, long afterId, int limit) {
        String pending = ArtifactState.PENDING.name();
        RowMapper<PendingArtifact> row = (rs, n) -> new PendingArtifact(rs.getLong(1), rs.getString(2), stamp(rs, 3),
                ArtifactKind.SUBJECT.name().equals(rs.getString(7)), List.of());
        List<PendingArtifact> page = new ArrayList<>();
        long smallAfterId = afterId;
        if (afterSize >= largeBytes) {
            page.addAll(jdbc.query("SELECT id, path, " + STAMP_COLUMNS + """
                    , kind FROM artifact WHERE source = ? AND state = ? AND size >= ? AND (size < ? OR (size = ? AND id > ?))
                    ORDER BY size DESC, id FETCH FIRST ? ROWS ONLY""",
                    row, source, pending, largeBytes, afterSize, afterSize, afterId, limit));
            smallAfterId = Long.MIN_VALUE;
        }
        if (page.size() < limit) {
            page.addAll(jdbc.query("SELECT id, path, " + STAMP_COLUMNS + """
                    , kind FROM artifact WHERE source = ? AND state = ? AND id > ? AND size < ?
                    ORDER BY source, state, id FETCH FIRST ? ROWS ONLY""",
                    row, source, pending, smallAfterId, largeBytes, limit - page.size()));
        }
        return page;
    }

    /**
     * How many files and bytes are still to hash (for progress and its ETA). An HTTP listing that gives
     * no exact size leaves -1, counted as 0.
     */
    public Backlog pendingBacklog(String source) {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(GREATEST(size, 0)), 0) FROM artifact"
                + " WHERE source = ? AND state = ?",
                (rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2)), source, ArtifactState.PENDING.name());
    }

    /**
     * The digests these PENDING rows had before they went back to PENDING, for the members of a
     * release only (a release member is immutable; a mutable or unreleased file may change at will).
     * Read in the chunk's transaction before {@link #recordHashed} replaces them.
     */
    public Map<Long, Digested> digestsBefore(List<? extends HashOutcome> outcomes) {
        Map<Long, Digested> before = new HashMap<>();
        if (outcomes.isEmpty()) {
            return before;
        }
        Object[] args = new Object[outcomes.size() + 1];
        args[0] = ArtifactState.PENDING.name();
        for (int i = 0; i < outcomes.size(); i++) {
            args[i + 1] = outcomes.get(i).id();
        }
        jdbc.query("SELECT id, sha256, release_id FROM artifact WHERE state = ? AND sha256 IS NOT NULL"
                + " AND release_id IS NOT NULL AND id IN (" + Sql.marks(outcomes.size()) + ")", rs -> {
            before.put(rs.getLong(1), new Digested(rs.getString(2), rs.getLong(3)));
        }, args);
        return before;
    }

    /** An earlier digest of a release member. */
    public record Digested(String sha256, long releaseId) {
    }

    /**
     * Release members that the finished crawl of {@code runId} did not see and that had been hashed:
     * published files that disappeared. Read before {@link #markUnseenGone} detaches them.
     */
    public void forEachVanishedMember(String source, long runId, Consumer<Vanished> action) {
        jdbc.query("""
                SELECT path, sha256, release_id FROM artifact WHERE source = ? AND last_seen_run < ? AND state = ?
                  AND release_id IS NOT NULL ORDER BY id""", rs -> {
            action.accept(new Vanished(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }, source, runId, ArtifactState.HASHED.name());
    }

    public record Vanished(String path, String sha256, long releaseId) {
    }

    /**
     * Stores hash results. Guarded by {@code state = PENDING} so replaying a chunk after a crash
     * cannot overwrite a newer result.
     */
    public void recordHashed(long runId, List<? extends HashOutcome> outcomes) {
        jdbc.batchUpdate("""
                UPDATE artifact SET state = ?, sha256 = ?, size = ?, mtime = ?, ctime = ?, inode = ?, failure = ?,
                  hashed_run = ?, integrity = ?, integrity_detail = ?, signature = ?, signature_key = ?,
                  signature_detail = ?, doubt = ?, etag = ?, last_modified = ?, content_length = ?
                WHERE id = ? AND state = ?""", outcomes, outcomes.size(), (ps, o) -> {
            ps.setString(1, o.state().name());
            ps.setString(2, o.sha256());
            setStamp(ps, 3, o.stamp());
            ps.setString(7, o.failure());
            ps.setLong(8, runId);
            HashOutcome.Checks checks = o.checks();
            Integrity integrity = checks == null ? null : checks.integrity();
            SignatureResult signature = checks == null ? null : checks.signature();
            ps.setString(9, integrity == null ? null : integrity.status().name());
            ps.setString(10, integrity == null || integrity.findings().isEmpty() ? null : Sql.clip(integrity.summary(), 2048));
            ps.setString(11, signature == null ? null : signature.status().name());
            ps.setString(12, signature == null ? null : signature.fingerprint().orElse(null));
            ps.setString(13, signature == null ? null : Sql.clip(signature.detail(), 1024));
            ps.setString(14, checks == null ? null : Sql.clip(checks.doubt(), 2048));
            HashOutcome.Served served = o.served();
            ps.setString(15, served == null ? null : Sql.clip(served.etag(), 512));
            ps.setString(16, served == null ? null : Sql.clip(served.lastModified(), 64));
            ps.setObject(17, served == null || served.contentLength() < 0 ? null : served.contentLength());
            ps.setLong(18, o.id());
            ps.setString(19, ArtifactState.PENDING.name());
        });
    }

    /**
     * Hashed files that belong to no release, ordered by directory: what the per-directory snapshots
     * list. Streamed, so memory holds one row at a time.
     */
    public void forEachUnreleased(String source, Consumer<UnreleasedFile> action) {
        jdbc.query("""
                SELECT directory, file_name, sha256 FROM artifact
                WHERE source = ? AND project IS NULL AND state = ? ORDER BY directory""",
                rs -> {
                    action.accept(new UnreleasedFile(rs.getString(1), rs.getString(2), rs.getString(3)));
                }, source, ArtifactState.HASHED.name());
    }

    /** A hashed file of no release: one line of its directory's snapshot. */
    public record UnreleasedFile(String directory, String fileName, String sha256) {
    }

    private static void setStamp(PreparedStatement ps, int first, FileStamp stamp) throws SQLException {
        ps.setLong(first, stamp.size());
        ps.setLong(first + 1, stamp.mtime());
        ps.setLong(first + 2, stamp.ctimeNanos());
        ps.setLong(first + 3, stamp.inode());
    }

    private static void setClassification(PreparedStatement ps, int first, NewArtifact f) throws SQLException {
        ps.setString(first, f.kind().name());
        ps.setString(first + 1, f.release() == null ? null : f.release().project());
        ps.setString(first + 2, f.release() == null ? null : f.release().version());
        ps.setString(first + 3, f.note());
    }

    private static FileStamp stamp(ResultSet rs, int first) throws SQLException {
        return new FileStamp(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3));
    }
}
