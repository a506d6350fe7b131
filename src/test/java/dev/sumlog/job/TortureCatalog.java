package dev.sumlog.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a backfill's H2 catalog between runs (never while a child holds it): where the last run was
 * when its signal landed, and what the finished backfill logged. Opened with the URL the backfill
 * uses, so the test recovers a killed catalog exactly as the next run would.
 */
final class TortureCatalog {

    private final Path state;

    TortureCatalog(Path state) {
        this.state = state;
    }

    /**
     * The step the last execution was in when it ended: the one left STARTED by a SIGKILL, or the one
     * a SIGTERM STOPPED. A process killed between two steps has none; that is named by the step it had
     * finished last.
     */
    String stepLeft(String status) throws SQLException {
        List<String> steps = strings("""
                SELECT STEP_NAME || ' ' || STATUS FROM BATCH_STEP_EXECUTION
                WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)
                ORDER BY STEP_EXECUTION_ID""");
        for (String step : steps) {
            if (step.endsWith(" " + status)) {
                return step.substring(0, step.length() - status.length() - 1);
            }
        }
        return steps.isEmpty() ? "before any step" : "after " + steps.get(steps.size() - 1);
    }

    /** Files the crawl has committed so far. */
    long crawled() throws SQLException {
        return count("SELECT COUNT(*) FROM artifact");
    }

    long jobInstances() throws SQLException {
        return count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");
    }

    long jobExecutions() throws SQLException {
        return count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
    }

    long releases() throws SQLException {
        return count("SELECT COUNT(*) FROM release_set");
    }

    /** Releases whose count of LOGGED submissions is not exactly one, with that count. */
    List<String> releasesNotLoggedOnce() throws SQLException {
        return strings("""
                SELECT r.sums_path || ': ' || COUNT(s.id) FROM release_set r
                LEFT JOIN submission s ON s.release_id = r.id AND s.state = 'LOGGED'
                GROUP BY r.id, r.sums_path HAVING COUNT(s.id) <> 1""");
    }

    long submissions(String state) throws SQLException {
        return count("SELECT COUNT(*) FROM submission WHERE state = '" + state + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection db = open(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = open(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + state.resolve("catalog").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
    }
}
