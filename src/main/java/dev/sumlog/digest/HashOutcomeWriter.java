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
 * doubt raises an alert in the same transaction: it commits with the artifact's row or not at all.
 */
public class HashOutcomeWriter implements ItemWriter<HashOutcome>, StepExecutionListener {

    /** Alert kinds: a signature a trusted key contradicts, and an archive with findings. */
    public static final String BAD_SIGNATURE = "BAD_SIGNATURE";
    public static final String FLAGGED_ARCHIVE = "FLAGGED_ARCHIVE";

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
        artifacts.recordHashed(runId, chunk.getItems());
        for (HashOutcome outcome : chunk) {
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
