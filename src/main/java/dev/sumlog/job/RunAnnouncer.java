package dev.sumlog.job;

import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Prints the run number as soon as a run starts or resumes: the number `status` shows for it. */
class RunAnnouncer implements JobExecutionListener {

    private final PrintStream out;

    RunAnnouncer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        out.println("run " + RunIds.of(execution) + " (execution " + execution.getId() + ")");
    }
}
