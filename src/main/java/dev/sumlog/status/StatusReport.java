package dev.sumlog.status;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What `sumlog status` prints: the last runs with their counts, the catalog per source, and what a
 * re-run would resume. Reads the Spring Batch tables and the catalog with plain, portable SQL.
 */
@Component
public class StatusReport {

    private final JdbcTemplate jdbc;

    public StatusReport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void print(PrintStream out, int runs) {
        out.println("last runs (newest first):");
        List<Long> executions = jdbc.queryForList("""
                SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC
                FETCH FIRST ? ROWS ONLY""", Long.class, runs);
        if (executions.isEmpty()) {
            out.println("  none yet");
        }
        executions.forEach(id -> printRun(out, id));
        out.println("catalog:");
        List<String> sources = jdbc.queryForList("SELECT DISTINCT source FROM artifact ORDER BY source", String.class);
        if (sources.isEmpty()) {
            out.println("  empty");
        }
        sources.forEach(source -> printSource(out, source));
    }

    private void printRun(PrintStream out, long executionId) {
        jdbc.query("""
                SELECT e.JOB_INSTANCE_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, e.EXIT_MESSAGE
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE e.JOB_EXECUTION_ID = ?""", rs -> {
            long instance = rs.getLong(1);
            Timestamp start = rs.getTimestamp(4);
            Timestamp end = rs.getTimestamp(5);
            String took = start != null && end != null
                    ? String.format(" in %.1f s", Duration.between(start.toInstant(), end.toInstant()).toMillis() / 1e3) : "";
            out.printf("  execution %d (run %d) %s %s, started %s%s%n", executionId, instance, rs.getString(2),
                    rs.getString(3), start, took);
            out.printf("    source %s -> %s%n", param(executionId, "source"), param(executionId, "out"));
            out.printf("    files found %d, hashed %d (%s), failed %d; releases written %d%n",
                    stepCount(executionId, "crawl"), stepCount(executionId, "hash"),
                    megabytes(jdbc.queryForObject("SELECT COALESCE(SUM(size), 0) FROM artifact WHERE state = 'HASHED' AND last_seen_run = ?",
                            Long.class, instance)),
                    count("SELECT COUNT(*) FROM artifact WHERE state = 'FAILED' AND last_seen_run = ?", instance),
                    count("""
                            SELECT COUNT(*) FROM release_set WHERE state = 'WRITTEN' AND source = ?""",
                            param(executionId, "source")));
            String status = rs.getString(3);
            if (!"COMPLETED".equals(status) && !"ABANDONED".equals(status)) {
                printResume(out, param(executionId, "source"), status);
            }
        }, executionId);
    }

    private void printResume(PrintStream out, String source, String status) {
        String how = switch (status) {
            case "FAILED", "STOPPED" -> "re-running the same backfill command resumes it";
            default -> "it was left " + status + " (process killed?); re-running the same command recovers and resumes it";
        };
        out.printf("    %s: %d files still to hash, %d releases still to write%n", how,
                count("SELECT COUNT(*) FROM artifact WHERE source = ? AND state = 'PENDING'", source),
                count("SELECT COUNT(*) FROM release_set WHERE source = ? AND state = 'PENDING'", source));
    }

    private void printSource(PrintStream out, String source) {
        out.println("  " + source);
        jdbc.query("""
                SELECT state, COUNT(*), COALESCE(SUM(size), 0) FROM artifact WHERE source = ?
                GROUP BY state ORDER BY state""", rs -> {
            out.printf("    files %-8s %8d  %s%n", rs.getString(1), rs.getLong(2), megabytes(rs.getLong(3)));
        }, source);
        jdbc.query("SELECT state, COUNT(*) FROM release_set WHERE source = ? GROUP BY state ORDER BY state", rs -> {
            out.printf("    releases %-8s %5d%n", rs.getString(1), rs.getLong(2));
        }, source);
        jdbc.query("""
                SELECT COALESCE(NULLIF(directory, '') || '/', '') || project || '-' || version, rget_name
                FROM release_set WHERE source = ? AND rget_name IS NOT NULL ORDER BY id DESC FETCH FIRST 5 ROWS ONLY""",
                rs -> {
                    out.printf("    release %s  rget %s%n", rs.getString(1), rs.getString(2));
                }, source);
    }

    private String param(long executionId, String name) {
        return jdbc.queryForList("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?""", String.class, executionId, name)
                .stream().findFirst().orElse("?");
    }

    private long stepCount(long executionId, String step) {
        return count("""
                SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE e.JOB_INSTANCE_ID = (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)
                  AND s.STEP_NAME = ? AND e.JOB_EXECUTION_ID <= ?""", executionId, step, executionId);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
