package dev.sumlog.status;

import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.support.OneLine;
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
    private final ReleaseRepository releases;

    public StatusReport(JdbcTemplate jdbc, ReleaseRepository releases) {
        this.jdbc = jdbc;
        this.releases = releases;
    }

    public void print(PrintStream out, int runs) {
        out.println("last runs (newest first):");
        List<Long> instances = jdbc.queryForList("""
                SELECT JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE ORDER BY JOB_INSTANCE_ID DESC
                FETCH FIRST ? ROWS ONLY""", Long.class, runs);
        if (instances.isEmpty()) {
            out.println("  none yet");
        }
        instances.forEach(id -> printRun(out, id));
        out.println("catalog:");
        List<String> sources = jdbc.queryForList("SELECT DISTINCT source FROM artifact ORDER BY source", String.class);
        if (sources.isEmpty()) {
            out.println("  empty");
        }
        sources.forEach(source -> printSource(out, source));
    }

    /**
     * One run (a job instance: one backfill generation) with its totals, then each of its executions
     * (the first one and every resume), newest first.
     */
    private void printRun(PrintStream out, long instance) {
        List<Long> executions = jdbc.queryForList("""
                SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION WHERE JOB_INSTANCE_ID = ?
                ORDER BY JOB_EXECUTION_ID DESC""", Long.class, instance);
        if (executions.isEmpty()) {
            return;
        }
        long latest = executions.get(0);
        String source = param(latest, "source");
        out.printf("  run %d: %s -> %s%n", instance, OneLine.escape(source), OneLine.escape(param(latest, "out")));
        out.printf("    files found %d, hashed %d (%s), failed %d; releases written %d; skipped %d; alerts %d%n",
                stepCount(instance, "crawl"), stepCount(instance, "hash"),
                megabytes(count("SELECT COALESCE(SUM(size), 0) FROM artifact WHERE hashed_run = ?", instance)),
                count("SELECT COUNT(*) FROM artifact WHERE state = ? AND hashed_run = ?", ArtifactState.FAILED.name(), instance),
                count("SELECT COUNT(*) FROM release_set WHERE state = ? AND written_run = ?", ReleaseState.WRITTEN.name(),
                        instance),
                count("SELECT COUNT(*) FROM problem WHERE skipped = TRUE AND run_id = ?", instance),
                count("SELECT COUNT(*) FROM alert WHERE run_id = ?", instance));
        for (long execution : executions) {
            jdbc.query("SELECT STATUS, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", rs -> {
                Timestamp start = rs.getTimestamp(2);
                Timestamp end = rs.getTimestamp(3);
                String took = start != null && end != null
                        ? String.format(" in %.1f s", Duration.between(start.toInstant(), end.toInstant()).toMillis() / 1e3)
                        : "";
                out.printf("    execution %d %s, started %s%s%n", execution, rs.getString(1), start, took);
                if (execution == latest && !"COMPLETED".equals(rs.getString(1)) && !"ABANDONED".equals(rs.getString(1))) {
                    printResume(out, source, rs.getString(1));
                }
            }, execution);
        }
    }

    private void printResume(PrintStream out, String source, String status) {
        String how = switch (status) {
            case "FAILED", "STOPPED" -> "re-running the same backfill command resumes it";
            default -> "it was left " + status + " (process killed?); re-running the same command recovers and resumes it";
        };
        out.printf("      %s: %d files still to hash, %d releases still to write%n", how,
                count("SELECT COUNT(*) FROM artifact WHERE source = ? AND state = ?", source, ArtifactState.PENDING.name()),
                releases.countPending(source));
    }

    private void printSource(PrintStream out, String source) {
        out.println("  " + OneLine.escape(source));
        jdbc.query("""
                SELECT state, COUNT(*), COALESCE(SUM(size), 0) FROM artifact WHERE source = ?
                GROUP BY state ORDER BY state""", rs -> {
            out.printf("    files %-8s %8d  %s%n", rs.getString(1), rs.getLong(2), megabytes(rs.getLong(3)));
        }, source);
        jdbc.query("SELECT state, COUNT(*) FROM release_set WHERE source = ? GROUP BY state ORDER BY state", rs -> {
            out.printf("    releases %-8s %5d%n", rs.getString(1), rs.getLong(2));
        }, source);
        releases.latestNamed(source, 5).forEach(r -> out.printf("    release %s  rget %s%n",
                OneLine.escape(r.key().displayName()), r.rgetName()));
    }

    private String param(long executionId, String name) {
        return jdbc.queryForList("""
                SELECT PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS
                WHERE JOB_EXECUTION_ID = ? AND PARAMETER_NAME = ?""", String.class, executionId, name)
                .stream().findFirst().orElse("?");
    }

    /** Items a step committed over all executions of a run (a resume continues the count). */
    private long stepCount(long instance, String step) {
        return count("""
                SELECT COALESCE(SUM(s.WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION s
                JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID
                WHERE e.JOB_INSTANCE_ID = ? AND s.STEP_NAME = ?""", instance, step);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }
}
