package dev.sumlog.catalog;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What {@code status} reads: Spring Batch's job repository (runs, their executions and step counts)
 * and per-run and per-archive counts of the catalog. Read-only, portable SQL.
 */
@Repository
public class RunHistoryRepository {

    private final JdbcTemplate jdbc;

    public RunHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest runs (job instances), newest first. */
    public List<Long> latestRuns(int limit) {
        return jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE ORDER BY JOB_INSTANCE_ID DESC "
                + "FETCH FIRST ? ROWS ONLY", Long.class, limit);
    }

    /** The executions of a run (the first one and every resume), newest first. */
    public List<Execution> executions(long run) {
        return jdbc.query("""
                SELECT JOB_EXECUTION_ID, STATUS, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION
                WHERE JOB_INSTANCE_ID = ? ORDER BY JOB_EXECUTION_ID DESC""",
                (rs, n) -> new Execution(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)), run);
    }

    /** One execution of a run. */
    public record Execution(long id, String status, Timestamp start, Timestamp end) {
    }

    /** A job parameter of an execution, or "?" when it has none. */
    public String parameter(long executionId, String name) {
        return jdbc.queryForList("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?""", String.class, executionId, name)
                .stream().findFirst().orElse("?");
    }

    /** Items a step committed over all executions of a run (a resume continues the count). */
    public long stepWriteCount(long run, String step) {
        return count("""
                SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE e.JOB_INSTANCE_ID = ? AND s.STEP_NAME = ?""", run, step);
    }

    /** What one run did to the catalog. */
    public RunCounts counts(long run) {
        return new RunCounts(
                count("SELECT COALESCE(SUM(size), 0) FROM artifact WHERE hashed_run = ?", run),
                count("SELECT COUNT(*) FROM artifact WHERE state = ? AND hashed_run = ?", ArtifactState.FAILED.name(), run),
                count("SELECT COUNT(*) FROM release_set WHERE state = ? AND written_run = ?", ReleaseState.WRITTEN.name(), run),
                count("SELECT COUNT(*) FROM problem WHERE skipped = TRUE AND run_id = ?", run),
                count("SELECT COUNT(*) FROM alert WHERE run_id = ?", run));
    }

    /** Bytes hashed, files failed, releases written, inputs skipped and alerts of one run. */
    public record RunCounts(long bytesHashed, long failed, long releasesWritten, long skipped, long alerts) {
    }

    public List<String> archives() {
        return jdbc.queryForList("SELECT DISTINCT source FROM artifact ORDER BY source", String.class);
    }

    public long pendingFiles(String archive) {
        return count("SELECT COUNT(*) FROM artifact WHERE source = ? AND state = ?", archive, ArtifactState.PENDING.name());
    }

    /** Files per state of an archive, with their bytes. */
    public List<StateCount> filesByState(String archive) {
        return jdbc.query("SELECT state, COUNT(*), COALESCE(SUM(size), 0) FROM artifact WHERE source = ? "
                + "GROUP BY state ORDER BY state", (rs, n) -> new StateCount(rs.getString(1), rs.getLong(2),
                rs.getLong(3)), archive);
    }

    /** Releases per state of an archive. */
    public List<StateCount> releasesByState(String archive) {
        return jdbc.query("SELECT state, COUNT(*) FROM release_set WHERE source = ? GROUP BY state ORDER BY state",
                (rs, n) -> new StateCount(rs.getString(1), rs.getLong(2), 0), archive);
    }

    /** Rows in one state, with their bytes where that applies. */
    public record StateCount(String state, long rows, long bytes) {
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
