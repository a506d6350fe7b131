package dev.sumlog.catalog;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /**
     * The newest backfill and reconcile runs (job instances of the job both run), newest first; audit
     * runs count no files and are left out.
     */
    public List<Long> latestRuns(int limit) {
        return jdbc.queryForList("SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE WHERE JOB_NAME = 'backfill'"
                + " ORDER BY JOB_INSTANCE_ID DESC FETCH FIRST ? ROWS ONLY", Long.class, limit);
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

    /** Items each step committed over all executions of a run (a resume continues the count), by step name. */
    public Map<String, Long> stepWriteCounts(long run) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                SELECT s.STEP_NAME, SUM(s.WRITE_COUNT) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE e.JOB_INSTANCE_ID = ? GROUP BY s.STEP_NAME""", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, run);
        return counts;
    }

    /**
     * What one run did that the catalog's groups do not hold: inputs it skipped and alerts it raised
     * (both tables are indexed by run).
     */
    public RunProblems problems(long run) {
        return new RunProblems(count("SELECT COUNT(*) FROM problem WHERE skipped = TRUE AND run_id = ?", run),
                count("SELECT COUNT(*) FROM alert WHERE run_id = ?", run));
    }

    /** Inputs skipped and alerts raised by one run. */
    public record RunProblems(long skipped, long alerts) {
    }

    /** Every count of files and releases status shows, from one scan of each table. */
    public CatalogTotals totals() {
        return new CatalogTotals(
                jdbc.query("SELECT source, state, hashed_run, COUNT(*), COALESCE(SUM(GREATEST(size, 0)), 0) FROM artifact "
                        + "GROUP BY source, state, hashed_run", (rs, n) -> new CatalogTotals.Group(rs.getString(1),
                        rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getLong(4), rs.getLong(5))),
                jdbc.query("SELECT source, state, written_run, COUNT(*) FROM release_set "
                        + "GROUP BY source, state, written_run", (rs, n) -> new CatalogTotals.Group(rs.getString(1),
                        rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getLong(4), 0)));
    }

    /** Submissions of one archive per log and state: what each log holds and what still waits for it. */
    public List<LogCount> submissionsByLog(String archive) {
        return jdbc.query("""
                SELECT s.log_id, s.state, COUNT(*) FROM submission s JOIN release_set r ON r.id = s.release_id
                WHERE r.source = ? GROUP BY s.log_id, s.state ORDER BY s.log_id, s.state""",
                (rs, n) -> new LogCount(rs.getString(1), rs.getString(2), rs.getLong(3)), archive);
    }

    public record LogCount(String logId, String state, long rows) {
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
