package dev.sumlog.operations;

import dev.sumlog.support.RunIds;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs that no process will finish, and the two things an operator can do with them: {@link #recover}
 * (so the next run resumes) and {@link #abandon} (so the next run starts afresh). Works on every job
 * name in the job repository (backfill, audit, any later one), through Spring Batch's own
 * {@link JobOperator}, so the rows are written by the same code that reads them on the next run.
 *
 * <p>The caller must hold the state lock: that is what proves an execution left running belongs to a
 * process that is gone (the kernel releases the lock when a process dies, SIGKILL included).
 */
public final class RunsLeftBehind {

    /** The job parameter that names a run's archive; runs of other archives are other runs. */
    static final String ARCHIVE = "archive";

    private final JobOperator operator;
    private final JobRepository repository;

    public RunsLeftBehind(JobOperator operator, JobRepository repository) {
        this.operator = operator;
        this.repository = repository;
    }

    /**
     * Marks every execution left STARTING, STARTED or STOPPING FAILED ({@link JobOperator#recover}),
     * oldest first, so that the next run of its job resumes it as it resumes a failed run.
     */
    public List<Outcome> recover() {
        List<Outcome> recovered = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            repository.findRunningJobExecutions(job).stream()
                    .filter(e -> e.getStatus().isRunning())
                    .sorted(Comparator.comparingLong(JobExecution::getId))
                    .forEach(e -> {
                        BatchStatus left = e.getStatus();
                        operator.recover(e);
                        recovered.add(new Outcome(job, archive(e), RunIds.of(e), e.getId(), left, true));
                    });
        }
        return recovered;
    }

    /**
     * Marks the latest run of each job and archive ABANDONED when it is unfinished (FAILED, STOPPED,
     * left running by a killed process: recovered first, or UNKNOWN), so that the next run starts a
     * new one. Older runs are left as they are: only the latest decides what the next run does.
     */
    public List<Outcome> abandon() {
        List<Outcome> abandoned = new ArrayList<>();
        for (String job : repository.getJobNames()) {
            for (JobExecution last : latestPerArchive(job)) {
                BatchStatus was = last.getStatus();
                if (was == BatchStatus.COMPLETED || was == BatchStatus.ABANDONED) {
                    continue;
                }
                boolean recovered = was.isRunning();
                if (recovered) {
                    operator.recover(last);
                }
                markAbandoned(last);
                abandoned.add(new Outcome(job, archive(last), RunIds.of(last), last.getId(), was, recovered));
            }
        }
        return abandoned;
    }

    private void markAbandoned(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            // JobOperator.abandon only upgrades a status, and UNKNOWN ranks above ABANDONED, so it would
            // leave the run UNKNOWN, which no run can restart or follow: set it as abandon would.
            execution.setStatus(BatchStatus.ABANDONED);
            execution.setEndTime(LocalDateTime.now());
            repository.update(execution);
            return;
        }
        try {
            operator.abandon(execution);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new IllegalStateException("run " + RunIds.of(execution) + " (execution " + execution.getId()
                    + ") is still " + execution.getStatus() + " and cannot be abandoned", e);
        }
    }

    /** The last execution of the newest instance of {@code job} per archive, in instance order. */
    private List<JobExecution> latestPerArchive(String job) {
        Map<String, JobExecution> latest = new LinkedHashMap<>();
        repository.findJobInstances(job).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .map(repository::getLastJobExecution)
                .filter(Objects::nonNull)
                .forEach(e -> latest.putIfAbsent(Objects.toString(archive(e), ""), e));
        return latest.values().stream().sorted(Comparator.comparingLong(JobExecution::getId)).toList();
    }

    private static String archive(JobExecution execution) {
        JobParameter<?> archive = execution.getJobParameters().getParameter(ARCHIVE);
        return archive == null ? null : String.valueOf(archive.value());
    }

    /**
     * What was done to one run.
     *
     * @param archive   the run's archive, or null for a job not tied to one
     * @param was       its status before
     * @param recovered whether it was left running and is now recovered
     */
    public record Outcome(String job, String archive, long runId, long executionId, BatchStatus was, boolean recovered) {

        /** "backfill of https://archive.example/", or the job name alone. */
        public String what() {
            return archive == null ? job : job + " of " + archive;
        }
    }
}
