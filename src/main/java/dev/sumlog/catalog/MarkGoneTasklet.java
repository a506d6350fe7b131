package dev.sumlog.catalog;

import dev.sumlog.support.RunIds;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The markGone step: runs once per run, after its crawl has completed, so "not seen by this run"
 * means gone. Set-based and idempotent (see {@link ArtifactRepository#markUnseenGone}).
 */
public class MarkGoneTasklet implements Tasklet {

    private final ArtifactRepository artifacts;
    private final String source;
    private final SignedSubjects signed;

    /** @param signed when the job checks signatures: subjects whose signature file went are read again; else null */
    public MarkGoneTasklet(ArtifactRepository artifacts, String source, SignedSubjects signed) {
        this.artifacts = artifacts;
        this.source = source;
        this.signed = signed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (signed != null) {
            signed.requeueUnsigned(source, RunIds.of(chunkContext));
        }
        contribution.incrementWriteCount(artifacts.markUnseenGone(source, RunIds.of(chunkContext)));
        return RepeatStatus.FINISHED;
    }
}
