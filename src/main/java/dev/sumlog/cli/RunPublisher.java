package dev.sumlog.cli;

import dev.sumlog.job.BackfillSpec;
import dev.sumlog.report.RunOutputs;
import java.io.IOException;
import java.io.PrintStream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a backfill, reconcile or audit run, while its context and state lock are still held: the JSON
 * report and the node_exporter metrics the job file asks for ({@code report:}, {@code metrics:}).
 * A file that cannot be written is one line naming it; the run's own results are already committed,
 * so it changes the exit code only of a run that would otherwise have succeeded.
 */
final class RunPublisher {

    private RunPublisher() {
    }

    static int publish(ConfigurableApplicationContext context, BackfillSpec spec, long executionId, int exitCode,
                       PrintStream err) {
        BackfillSpec.Reporting to = spec.reporting();
        if (to.report() == null && to.metrics() == null) {
            return exitCode;
        }
        JobRepository jobs = context.getBean(JobRepository.class);
        JobExecution execution = jobs.getJobExecution(executionId);
        try {
            new RunOutputs(jobs, context.getBean(JdbcTemplate.class))
                    .publish(execution, spec.sourceId(), exitCode, to.report(), to.metrics());
            return exitCode;
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            message.lines().forEach(line -> err.println("sumlog: " + line));
            return exitCode == ExitCodes.OK || exitCode == ExitCodes.SKIPPED ? ExitCodes.FAILED : exitCode;
        }
    }
}
