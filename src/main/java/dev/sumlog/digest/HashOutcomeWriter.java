package dev.sumlog.digest;

import dev.sumlog.catalog.AlertRepository;
import dev.sumlog.catalog.ArtifactRepository;
import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.digest.archive.Integrity;
import dev.sumlog.support.RunIds;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The hash step's writer: moves each artifact out of PENDING with its digest or its failure, in the
 * chunk transaction, tagged with the run (job instance) that read it. An artifact whose read put it in
 * doubt, and a release member whose digest is not the one it had, raise an alert in the same
 * transaction: it commits with the artifact's row or not at all, so a replayed chunk cannot raise it
 * twice and a crash cannot lose it.
 */
public class HashOutcomeWriter implements ItemWriter<HashOutcome>, StepExecutionListener {

    /** Alert kinds: a signature a trusted key contradicts, and an archive with findings. */
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    public static final String FLAGGED_ARCHIVE = "FLAGGED_ARCHIVE";
    /** A release member (immutable by definition) read again with another digest than before. */
    public static final String ARTIFACT_CHANGED = "ARTIFACT_CHANGED";

    private final ArtifactRepository artifacts;
    private final AlertRepository alerts;
    private long runId;

    public HashOutcomeWriter(ArtifactRepository artifacts, AlertRepository alerts) {
        this.artifacts = artifacts;
        this.alerts = alerts;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = RunIds.of(stepExecution);
    }

    @Override
    public void write(Chunk<? extends HashOutcome> chunk) {
        var before = artifacts.digestsBefore(chunk.getItems());
        artifacts.recordHashed(runId, chunk.getItems());
        for (HashOutcome outcome : chunk) {
            var earlier = before.get(outcome.id());
            if (earlier != null && !outcome.isFailed() && !earlier.sha256().equals(outcome.sha256())) {
                alerts.raise(runId, ARTIFACT_CHANGED, outcome.path(), "sha256 was " + earlier.sha256() + ", is now "
                        + outcome.sha256() + " (" + outcome.stamp().size() + " bytes)", earlier.releaseId());
            }
            HashOutcome.Checks checks = outcome.checks();
            if (checks == null || checks.doubt() == null) {
                continue;
            }
            var signature = checks.signature();
            if (signature != null && ReadResult.contradicts(signature)) {
                alerts.raise(runId, BAD_SIGNATURE, outcome.path(), signature.status() + ": " + signature.detail());
            }
            if (checks.integrity().status() == Integrity.Status.FLAGGED) {
                alerts.raise(runId, FLAGGED_ARCHIVE, outcome.path(), checks.integrity().summary());
            }
        }
    }
}
