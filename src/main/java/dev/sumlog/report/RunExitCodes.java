package dev.sumlog.report;

import java.util.OptionalInt;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The exit code a command returned for an execution, kept in that execution's context in the job
 * repository: Spring Batch records a run's status but not what the command made of it (alerts, skipped
 * inputs, pending entries), and the metrics of every command are rebuilt from the catalog after each
 * run, so the code must be there. The execution's id is stored beside the code because Spring Batch
 * copies a failed execution's context into the execution that resumes it: a code is only believed for
 * the execution that recorded it.
 */
public final class RunExitCodes {

    static final String EXIT_CODE = "sumlog.exit-code";
    static final String RECORDED_BY = "sumlog.exit-code.execution";

    private RunExitCodes() {
    }

    /** Stores {@code exitCode} with the ended {@code execution}. */
    public static void record(JobRepository jobs, JobExecution execution, int exitCode) {
        ExecutionContext context = execution.getExecutionContext();
        context.putInt(EXIT_CODE, exitCode);
        context.putLong(RECORDED_BY, execution.getId());
        jobs.updateExecutionContext(execution);
    }

    /** The exit code recorded for this very execution, if any (none for a killed run, or before this version). */
    public static OptionalInt of(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        if (!context.containsKey(EXIT_CODE) || !context.containsKey(RECORDED_BY)
                || context.getLong(RECORDED_BY) != execution.getId()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(context.getInt(EXIT_CODE));
    }
}
