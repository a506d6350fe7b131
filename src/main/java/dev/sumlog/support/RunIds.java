package dev.sumlog.support;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * The run id every catalog row is tagged with: the job instance id. It stays the same across every
 * restart of one backfill run, which is what lets "not seen by this run" mean "gone", and it is the
 * number {@code backfill} and {@code status} both print as "run N".
 */
public final class RunIds {

    private RunIds() {
    }

    public static long of(JobExecution job) {
        return job.getJobInstance().getInstanceId();
    }

    public static long of(StepExecution step) {
        return of(step.getJobExecution());
    }

    public static long of(ChunkContext chunk) {
        return of(chunk.getStepContext().getStepExecution());
    }
}
