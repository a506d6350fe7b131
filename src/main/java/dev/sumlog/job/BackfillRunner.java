package dev.sumlog.job;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.CheckRepository;
import dev.sumlog.catalog.ProblemRepository.Problem;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.ReleaseAcceptances;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.support.Failures;
import dev.sumlog.support.OneLine;
import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Decides whether a backfill command starts, resumes or recovers, so that "re-run the same command"
 * is the whole restart procedure.
 *
 * <p>A backfill is identified by (archive, generation), where the archive is its identity
 * ({@link BackfillSpec#sourceId()}: the archive-id or public URL, never the local path), so a moved
 * source or a new output tree continues the same backfill. The latest generation of an archive is: resumed when it FAILED or STOPPED; recovered (Spring Batch {@code JobOperator.recover})
 * and then resumed when it was left STARTED or STOPPING by a killed process (the state lock proves no
 * live process owns it); followed by a new generation when it COMPLETED, which re-crawls and hashes
 * only what is new or changed. No incrementer is used (Spring Batch #4910).
 */
@Component
@Profile("backfill")
public class BackfillRunner {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job backfill;
    private final BackfillSpec spec;
    private final ProblemRepository problems;
    private final SubmissionRepository submissions;
    private final AlertRepository alerts;
    private final CheckRepository checks;
    private final String logId;
    private final RunMode mode;
    private final ReleaseAcceptances acceptances;
    private final PrintStream out = System.out;

    static final String ARCHIVE = "archive";
    static final int LISTED_UNLOGGED = 50;
    static final String GENERATION = "generation";

    public BackfillRunner(JobOperator jobOperator, JobRepository jobRepository, Job backfill, BackfillSpec spec,
                          ProblemRepository problems, SubmissionRepository submissions, AlertRepository alerts,
                          CheckRepository checks, ObjectProvider<RunMode> mode, ReleaseAcceptances acceptances) {
        this.mode = mode.getIfAvailable(RunMode::backfill);
        this.acceptances = acceptances;
        this.submissions = submissions;
        this.alerts = alerts;
        this.checks = checks;
        this.logId = spec.embeddedLog() ? spec.log().origin() : "";
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.backfill = backfill;
        this.spec = spec;
        this.problems = problems;
    }

    public RunResult run() throws Exception {
        return run(null);
    }

    /**
     * Starts, resumes or recovers the archive's run as {@link RunMode} says.
     *
     * @param accept a change of a logged release that the operator accepts before the run ({@code
     *               reconcile --accept}), or null; it needs a finished previous run and forces a new one
     */
    public RunResult run(ReleaseAcceptances.Request accept) throws Exception {
        JobExecution last = lastExecution();
        JobExecution execution;
        out.println(mode.command() + " of " + OneLine.escape(spec.sourceId()) + " from " + OneLine.escape(spec.sourceLocation())
                + " into " + OneLine.escape(spec.out().toString()) + (mode.reconcile() ? " (run key " + mode.runKey()
                + (mode.full() ? ", full: every file read again" : "") + ")" : ""));
        if (accept != null) {
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
                throw new IllegalArgumentException("--accept: run " + RunIds.of(last) + " is unfinished ("
                        + last.getStatus() + "); run `reconcile` without --accept to complete it first");
            }
            out.println(acceptances.accept(spec.sourceId(), accept));
        }
        if (last == null) {
            execution = jobOperator.start(backfill, parameters(1));
        } else {
            long generation = last.getJobParameters().getLong(GENERATION);
            String lastKey = last.getJobParameters().getString(RunMode.RUN_KEY_PARAMETER);
            if (mode.reconcile() && accept == null && last.getStatus() == BatchStatus.COMPLETED
                    && mode.runKey().equals(lastKey)) {
                out.println("reconcile " + OneLine.escape(lastKey) + " already ran: run " + RunIds.of(last)
                        + " completed; nothing to do (--run-id KEY runs again)");
                return RunResult.alreadyDone(last);
            }
            execution = switch (last.getStatus()) {
                case COMPLETED, ABANDONED -> {
                    out.println("run " + RunIds.of(last) + " " + (last.getStatus() == BatchStatus.COMPLETED
                            ? "complete" : "abandoned") + "; starting a new run for new and changed files");
                    yield jobOperator.start(backfill, parameters(generation + 1));
                }
                case FAILED, STOPPED -> {
                    out.println("resuming run " + RunIds.of(last) + " (" + last.getStatus() + ", execution "
                            + last.getId() + ")");
                    yield jobOperator.restart(last);
                }
                default -> {
                    out.println("recovering run " + RunIds.of(last) + " (execution " + last.getId() + " left "
                            + last.getStatus() + " by a process that was killed); resuming it");
                    yield jobOperator.restart(jobOperator.recover(last));
                }
            };
        }
        long runId = execution.getJobInstance().getInstanceId();
        List<Problem> reported = problems.reportedInRun(spec.sourceId(), runId);
        String failure = execution.getAllFailureExceptions().stream().findFirst().map(this::describe).orElse(null);
        List<String> raised = alerts.ofRun(runId).stream().map(AlertRepository.Alert::toString).toList();
        // Named up to a page (a run stopped early may leave every release of the archive unlogged).
        List<String> unlogged = submissions.stillPending(spec.sourceId(), logId, LISTED_UNLOGGED)
                .stream().map(SubmissionRepository.Unlogged::toString).toList();
        long unloggedCount = unlogged.isEmpty() ? 0 : submissions.countPending(spec.sourceId());
        long open = alerts.openByKind().values().stream().mapToLong(Long::longValue).sum();
        return new RunResult(execution.getStatus(), execution.getId(), runId, reported, failure, raised, unlogged,
                unloggedCount, checked(runId), false, open);
    }

    /** One line; a database failure names the catalog, since the database's own error cannot. */
    public String describe(Throwable failure) {
        return describe(spec.state(), failure);
    }

    /** One line for a failure of a backfill over {@code state}; a database failure names the catalog. */
    public static String describe(Path state, Throwable failure) {
        return (Failures.fromDatabase(failure) ? "the catalog in " + state + ": " : "") + Failures.oneLine(failure);
    }

    private JobExecution lastExecution() {
        return jobRepository.findJobInstances(BackfillJobConfiguration.JOB_NAME).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && spec.sourceId().equals(e.getJobParameters().getString(ARCHIVE)))
                .findFirst().orElse(null);
    }

    private JobParameters parameters(long generation) {
        // Only the archive and the generation identify a run; where it is read from and written to
        // are recorded for `status` but may change between restarts (a moved source, a new --out).
        return new JobParametersBuilder()
                .addString(ARCHIVE, spec.sourceId())
                .addLong(GENERATION, generation)
                .addString("source", spec.sourceLocation(), false)
                .addString("out", spec.out().toString(), false)
                .addString(RunMode.COMMAND_PARAMETER, mode.command(), false)
                .addString(RunMode.RUN_KEY_PARAMETER, mode.runKey() == null ? "" : mode.runKey(), false)
                .addString(RunMode.FULL_PARAMETER, Boolean.toString(mode.full()), false)
                .toJobParameters();
    }

    /** What the run's reads found, one line per check that ran: "archives: OK 3, FLAGGED 1". */
    private List<String> checked(long runId) {
        List<String> lines = new ArrayList<>();
        line("archives", checks.integrityBy(runId, spec.sourceId())).ifPresent(lines::add);
        line("signatures", checks.signaturesBy(runId, spec.sourceId())).ifPresent(lines::add);
        return lines;
    }

    private static Optional<String> line(String what, List<CheckRepository.Count> counts) {
        return counts.isEmpty() ? Optional.empty() : Optional.of(what + ": " + counts.stream()
                .map(c -> c.result() + " " + c.rows()).collect(Collectors.joining(", ")));
    }

    /**
     * How a run ended, with everything it reported about its inputs.
     *
     * @param checked     what this run's reads found ({@link #checked}), for the summary
     * @param alreadyDone a reconcile whose run key had already completed: nothing ran
     * @param openAlerts  alerts not acknowledged yet, this run's and earlier ones
     */
    public record RunResult(BatchStatus status, long executionId, long runId, List<Problem> problems, String failure,
                            List<String> alerts, List<String> unlogged, long unloggedCount, List<String> checked,
                            boolean alreadyDone, long openAlerts) {

        static RunResult alreadyDone(JobExecution last) {
            return new RunResult(BatchStatus.COMPLETED, last.getId(), RunIds.of(last), List.of(), null, List.of(),
                    List.of(), 0, List.of(), true, 0);
        }

        public boolean skippedAny() {
            return problems.stream().anyMatch(Problem::skipped);
        }
    }
}
