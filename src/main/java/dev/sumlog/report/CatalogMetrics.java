package dev.sumlog.report;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.CatalogTotals;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.catalog.SubmissionState;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a {@link MetricsSnapshot} from the catalog. Every figure, the other commands' last runs
 * included, comes from the catalog and its job repository, never from the previous metrics file: a
 * lost or hand-edited file cannot carry a wrong value forward. Read-only.
 *
 * <p>A command's runs are the job executions whose {@code archive} parameter names the archive, or
 * that have no {@code archive} parameter at all (a job over the whole catalog); the command is the
 * execution's {@code command} parameter, else its job's name ({@link RunReports#commandOf}).
 */
public final class CatalogMetrics {

    /** Executions whose context is read for an exit code, per command, before giving up (killed runs record none). */
    private static final int EXIT_CODE_LOOKUPS = 5;

    private final JdbcTemplate jdbc;
    private final JobRepository jobs;

    public CatalogMetrics(JdbcTemplate jdbc, JobRepository jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    public MetricsSnapshot read(String archive) {
        RunHistoryRepository history = new RunHistoryRepository(jdbc);
        CatalogTotals totals = history.totals();
        long files = 0;
        long bytes = 0;
        for (CatalogTotals.StateCount count : totals.filesByState(archive)) {
            if (!count.state().equals(ArtifactState.GONE.name())) {
                files += count.rows();
                bytes += count.bytes();
            }
        }
        Map<String, Long> releases = new TreeMap<>();
        for (ReleaseState state : ReleaseState.values()) {
            releases.put(state.name(), 0L);
        }
        totals.releasesByState(archive).forEach(c -> releases.put(c.state(), c.rows()));
        Map<String, Long> pending = new TreeMap<>();
        history.submissionsByLog(archive).forEach(c -> pending.merge(c.logId(),
                c.state().equals(SubmissionState.PENDING.name()) ? c.rows() : 0, Long::sum));
        Map<String, Long> alerts = new TreeMap<>();
        jdbc.queryForList("SELECT DISTINCT kind FROM alert", String.class).forEach(kind -> alerts.put(kind, 0L));
        alerts.putAll(new AlertRepository(jdbc).openByKind());
        return new MetricsSnapshot(archive, files, bytes, releases, pending, alerts, commands(archive));
    }

    private List<MetricsSnapshot.CommandRuns> commands(String archive) {
        Map<String, List<Execution>> byCommand = new TreeMap<>();
        for (Execution e : executions(archive)) {
            byCommand.computeIfAbsent(e.command(), c -> new ArrayList<>()).add(e);
        }
        List<MetricsSnapshot.CommandRuns> commands = new ArrayList<>();
        byCommand.forEach((command, executions) -> commands.add(new MetricsSnapshot.CommandRuns(command,
                executions.stream().filter(e -> e.status().equals("COMPLETED") && e.end() != null).findFirst()
                        .map(e -> millis(e.end())).orElse(null),
                executions.stream().filter(e -> e.start() != null && e.end() != null).findFirst()
                        .map(e -> Duration.between(millis(e.start()), millis(e.end())).toMillis() / 1000.0).orElse(null),
                lastExitCode(executions))));
        return commands;
    }

    /** Times to the millisecond, as the report gives them, so the two agree on a run's duration. */
    private static Instant millis(Timestamp time) {
        return time.toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Integer lastExitCode(List<Execution> newestFirst) {
        for (Execution e : newestFirst.subList(0, Math.min(EXIT_CODE_LOOKUPS, newestFirst.size()))) {
            JobExecution execution = jobs.getJobExecution(e.id());
            OptionalInt code = execution == null ? OptionalInt.empty() : RunExitCodes.of(execution);
            if (code.isPresent()) {
                return code.getAsInt();
            }
        }
        return null;
    }

    /** One job execution of the archive, newest first. */
    private record Execution(long id, String command, String status, Timestamp start, Timestamp end) {
    }

    private List<Execution> executions(String archive) {
        return jdbc.query("""
                SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME,
                  (SELECT MAX(c.PARAMETER_VALUE) FROM BATCH_JOB_EXECUTION_PARAMS c
                   WHERE c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND c.PARAMETER_NAME = ?)
                FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
                WHERE EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS a WHERE a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                                AND a.PARAMETER_NAME = 'archive' AND a.PARAMETER_VALUE = ?)
                   OR NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION_PARAMS a WHERE a.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
                                AND a.PARAMETER_NAME = 'archive')
                ORDER BY e.JOB_EXECUTION_ID DESC""",
                (rs, n) -> {
                    String command = rs.getString(6);
                    return new Execution(rs.getLong(1), command == null || command.isBlank() ? rs.getString(2) : command,
                            rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5));
                }, RunReports.COMMAND_PARAMETER, archive);
    }
}
