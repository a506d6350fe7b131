package dev.sumlog.report;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactState;
import dev.sumlog.catalog.CatalogTotals;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.catalog.RunHistoryRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.job.RunMode;
import dev.sumlog.support.Failures;
import dev.sumlog.support.RunIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds the {@link RunReport} of a finished execution from Spring Batch's record of it and the
 * catalog. Works for any job of the catalog: the per-step figures come from the step executions
 * whatever the steps are (an audit's as well as a backfill's), and catalog counts a job does not
 * touch are 0.
 */
public final class RunReports {

    /** Job parameter naming the command when it is not the job's name (a reconcile runs the backfill job). */
    public static final String COMMAND_PARAMETER = RunMode.COMMAND_PARAMETER;
    /** Job parameter holding a reconcile's run key; blank or absent for other commands. */
    public static final String RUN_KEY_PARAMETER = RunMode.RUN_KEY_PARAMETER;

    private RunReports() {
    }

    /**
     * The report of {@code execution}, which has ended.
     *
     * @param archive  the archive's identity in the catalog (the job's {@code sourceId})
     * @param exitCode the exit code the command returns for it
     */
    public static RunReport of(JobExecution execution, JdbcTemplate jdbc, String archive, int exitCode) {
        long run = RunIds.of(execution);
        List<RunReport.Alert> alerts = new AlertRepository(jdbc).list(true).stream()
                .filter(a -> a.runId() == run)
                .map(a -> new RunReport.Alert(a.id(), a.kind(), a.subject(), a.evidence())).toList();
        List<RunReport.Skipped> skipped = new ProblemRepository(jdbc).reportedInRun(archive, run).stream()
                .filter(ProblemRepository.Problem::skipped)
                .map(p -> new RunReport.Skipped(p.path(), p.reason())).toList();
        Instant started = instant(execution.getStartTime());
        Instant ended = instant(execution.getEndTime());
        return new RunReport(RunReport.FORMAT, commandOf(execution), archive, run, runKeyOf(execution.getJobParameters()),
                execution.getId(), execution.getStatus().name(), exitCode, failureOf(execution), started, ended,
                seconds(started, ended), counts(jdbc, archive, run, alerts.size(), skipped.size()), alerts, skipped,
                steps(execution));
    }

    /** The command that ran the job: its {@value #COMMAND_PARAMETER} parameter, else the job's name. */
    public static String commandOf(JobExecution execution) {
        String command = execution.getJobParameters().getString(COMMAND_PARAMETER);
        return command == null || command.isBlank() ? execution.getJobInstance().getJobName() : command;
    }

    private static String runKeyOf(JobParameters parameters) {
        String key = parameters.getString(RUN_KEY_PARAMETER);
        return key == null || key.isBlank() ? null : key;
    }

    private static String failureOf(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst().map(Failures::oneLine).orElse(null);
    }

    private static RunReport.Counts counts(JdbcTemplate jdbc, String archive, long run, long alerts, long skipped) {
        RunHistoryRepository history = new RunHistoryRepository(jdbc);
        CatalogTotals totals = history.totals();
        Map<String, Long> writes = history.stepWriteCounts(run);
        // Each log has its own submit step: "submit" for the embedded log, "submit-log1-<host>"... for the others.
        long logged = writes.entrySet().stream()
                .filter(e -> e.getKey().equals("submit") || e.getKey().startsWith("submit-"))
                .mapToLong(Map.Entry::getValue).sum();
        return new RunReport.Counts(writes.getOrDefault("crawl", 0L), totals.filesIn(ArtifactState.HASHED, run),
                totals.filesIn(ArtifactState.FAILED, run), totals.bytesHashed(run),
                totals.releasesIn(ReleaseState.WRITTEN, run), totals.releasesIn(ReleaseState.CHANGED, run),
                totals.releasesIn(ReleaseState.BLOCKED, run), logged,
                new SubmissionRepository(jdbc).countPending(archive), skipped, alerts);
    }

    private static List<RunReport.Step> steps(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .sorted(Comparator.comparing((StepExecution s) -> s.getStartTime() == null ? LocalDateTime.MAX
                        : s.getStartTime()).thenComparingLong(StepExecution::getId))
                .map(s -> new RunReport.Step(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                        seconds(instant(s.getStartTime()), instant(s.getEndTime()))))
                .toList();
    }

    /** Spring Batch records local date-times of this JVM's zone; the report speaks UTC. */
    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static double seconds(Instant start, Instant end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
    }
}
