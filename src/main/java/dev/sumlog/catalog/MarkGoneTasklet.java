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
    private final AlertRepository alerts;

    /** Kind of the alert for a hashed release member that the crawl no longer finds. */
    public static final String ARTIFACT_GONE = "ARTIFACT_GONE";

    /** @param signed when the job checks signatures: subjects whose signature file went are read again; else null */
    public MarkGoneTasklet(ArtifactRepository artifacts, String source, SignedSubjects signed) {
        this(artifacts, source, signed, null);
    }

    /** @param alerts raises {@link #ARTIFACT_GONE} for each vanished release member (in the step's transaction) */
    public MarkGoneTasklet(ArtifactRepository artifacts, String source, SignedSubjects signed, AlertRepository alerts) {
        this.alerts = alerts;
        this.artifacts = artifacts;
        this.source = source;
        this.signed = signed;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (signed != null) {
            signed.requeueUnsigned(source, RunIds.of(chunkContext));
        }
        long runId = RunIds.of(chunkContext);
        if (alerts != null) {
            artifacts.forEachVanishedMember(source, runId, gone -> alerts.raise(runId, ARTIFACT_GONE, gone.path(),
                    "a release member (sha256 " + gone.sha256() + ") is no longer in the archive", gone.releaseId()));
        }
        contribution.incrementWriteCount(artifacts.markUnseenGone(source, runId));
        return RepeatStatus.FINISHED;
    }
}
