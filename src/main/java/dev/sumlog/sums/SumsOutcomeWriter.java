package dev.sumlog.sums;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseRepository.WriteOutcome;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records what the write step did with each release, in the chunk transaction; a release whose
 * logged content changed is raised as an alert in the same transaction.
 */
public class SumsOutcomeWriter implements ItemWriter<WriteOutcome>, StepExecutionListener {

    private final ReleaseRepository releases;
    private final AlertRepository alerts;
    private long runId;

    public SumsOutcomeWriter(ReleaseRepository releases, AlertRepository alerts) {
        this.releases = releases;
        this.alerts = alerts;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public void write(Chunk<? extends WriteOutcome> chunk) {
        releases.recordWritten(runId, chunk.getItems());
        for (WriteOutcome outcome : chunk) {
            if (ReleaseSumsProcessor.CHANGED.equals(outcome.state())) {
                alerts.raise(runId, "RELEASE_CHANGED_AFTER_LOGGING", outcome.sumsPath(), outcome.blockedBy());
            }
        }
    }
}
