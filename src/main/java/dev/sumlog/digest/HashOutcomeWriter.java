package dev.sumlog.digest;

import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.support.RunIds;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The hash step's writer: moves each artifact out of PENDING with its digest or its failure, in the
 * chunk transaction, tagged with the run (job instance) that read it.
 */
public class HashOutcomeWriter implements ItemWriter<HashOutcome>, StepExecutionListener {

    private final ArtifactRepository artifacts;
    private long runId;

    public HashOutcomeWriter(ArtifactRepository artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
    }

    @Override
    public void write(Chunk<? extends HashOutcome> chunk) {
        artifacts.recordHashed(runId, chunk.getItems());
    }
}
