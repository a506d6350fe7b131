package dev.sumlog.audit;

import dev.sumlog.support.Failures;
import dev.sumlog.support.OneLine;
import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs one audit as a new instance of the {@code audit} job, identified by the archive and the time it
 * started, so its run id tags its alerts and its step executions keep its timings. An audit is never
 * resumed (the next one checks everything again); one left running by a killed process is recovered
 * first, so the job repository shows it ended (the state lock proves no live process owns it).
 */
public class AuditRunner {

    public static final String JOB_NAME = "audit";
    static final String ARCHIVE = "archive";
    static final String STARTED = "started";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job audit;
    private final AuditSpec spec;
    private final Findings findings;
    private final Clock clock;
    private final PrintStream out;

    public AuditRunner(JobOperator jobOperator, JobRepository jobRepository, Job audit, AuditSpec spec,
                       Findings findings, Clock clock, PrintStream out) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.audit = audit;
        this.spec = spec;
        this.findings = findings;
        this.clock = clock;
        this.out = out;
    }

    public AuditResult run() throws Exception {
        recoverLeftBehind();
        out.println("audit of " + OneLine.escape(spec.job().sourceId()) + ": " + spec.logs().size() + " log(s)"
                + (spec.rehashPercent().isPresent()
                ? ", re-reading " + RehashTasklet.percent(spec.rehashPercent().getAsDouble()) + " of the release files" : ""));
        JobParameters parameters = new JobParametersBuilder()
                .addString(ARCHIVE, spec.job().sourceId())
                .addString(STARTED, clock.instant().toString())
                .addString("out", spec.job().out().toString(), false)
                .toJobParameters();
        JobExecution execution = jobOperator.start(audit, parameters);
        List<AuditResult.StepCounts> steps = new ArrayList<>();
        execution.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId))
                .forEach(step -> steps.add(counts(step)));
        String failure = execution.getAllFailureExceptions().stream().findFirst().map(Failures::oneLine).orElse(null);
        return new AuditResult(execution.getStatus(), RunIds.of(execution), execution.getId(), findings.raised(),
                findings.stillOpen(), findings.unchecked(), steps, failure);
    }

    private static AuditResult.StepCounts counts(StepExecution step) {
        var context = step.getExecutionContext();
        Duration took = step.getStartTime() == null || step.getEndTime() == null ? Duration.ZERO
                : Duration.between(step.getStartTime(), step.getEndTime());
        return new AuditResult.StepCounts(step.getStepName(), context.getLong(StepTally.CHECKED, 0),
                context.getLong(StepTally.ALERTS, 0), context.getLong(StepTally.UNCHECKED, 0), took);
    }

    private void recoverLeftBehind() throws Exception {
        for (JobInstance instance : jobRepository.findJobInstances(JOB_NAME)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.isRunning()) {
                jobOperator.recover(last);
            }
        }
    }
}
