package dev.sumlog.sums;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.OutputRepository.OutputFile;
import dev.sumlog.catalog.ReleaseRepository;
import dev.sumlog.catalog.ReleaseState;
import dev.sumlog.catalog.WriteOutcome;
import dev.sumlog.support.RunIds;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records what the write step did with each release, in the chunk transaction: the release rows,
 * the sums files written (output registry), and the alert of a release whose logged content changed.
 */
public class SumsOutcomeWriter implements ItemWriter<WriteOutcome>, StepExecutionListener {

    private final ReleaseRepository releases;
    private final OutputRepository outputs;
    private final String outRoot;
    private final AlertRepository alerts;
    private long runId;

    public SumsOutcomeWriter(ReleaseRepository releases, OutputRepository outputs, String outRoot,
                             AlertRepository alerts) {
        this.releases = releases;
        this.outputs = outputs;
        this.outRoot = outRoot;
        this.alerts = alerts;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
    }

    @Override
    public void write(Chunk<? extends WriteOutcome> chunk) {
        releases.recordWritten(runId, chunk.getItems());
        List<OutputFile> written = chunk.getItems().stream().filter(o -> o.state() == ReleaseState.WRITTEN)
                .map(o -> new OutputFile(o.sumsPath(), o.sumsSha256())).toList();
        outputs.record(outRoot, written);
        for (WriteOutcome outcome : chunk) {
            if (outcome.state() == ReleaseState.CHANGED) {
                alerts.releaseChanged(runId, outcome.releaseId(), outcome.sumsPath(), outcome.reason());
            }
        }
    }
}
