package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository;
import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.support.RunIds;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.sigstore.SigstoreBundle;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code checkLogs}: for each log of the job, one per call, its current checkpoint is read and
 * judged by {@link LogHistory} against the checkpoint the catalog trusts (for a remote log with none
 * kept yet, against every checkpoint its receipts were signed for). A log that extends it becomes the
 * trusted checkpoint, with the time it was verified; a log that does not raises its alert and the
 * trusted checkpoint stays. A log out of reach is one line and no alert.
 */
final class CheckLogsTasklet implements Tasklet {

    private final AuditSpec spec;
    private final AuditRepository catalog;
    private final LogCheckpointRepository checkpoints;
    private final AuditHeads heads;
    private final Findings findings;
    private final PrintStream out;
    private final Clock clock;
    private final StepTally tally = new StepTally();
    private int logIndex;

    CheckLogsTasklet(AuditSpec spec, AuditRepository catalog, LogCheckpointRepository checkpoints, AuditHeads heads,
                     Findings findings, PrintStream out, Clock clock) {
        this.spec = spec;
        this.catalog = catalog;
        this.checkpoints = checkpoints;
        this.heads = heads;
        this.findings = findings;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (logIndex >= spec.logs().size()) {
            out.println("checkLogs: " + tally.checked + " of " + spec.logs().size() + " log(s) checked, "
                    + tally.alerts + " alert(s)" + (tally.unchecked > 0 ? ", " + tally.unchecked + " out of reach" : ""));
            tally.recordIn(chunkContext.getStepContext().getStepExecution());
            return RepeatStatus.FINISHED;
        }
        AuditedLog log = spec.logs().get(logIndex++);
        Optional<String> trusted = checkpoints.note(log.id());
        Set<String> receiptNotes = trusted.isPresent() || log.kind() == AuditedLog.Kind.EMBEDDED
                ? Set.of() : receiptCheckpoints(log);
        LogHistory.Verdict verdict = LogHistory.check(log, trusted, receiptNotes);
        if (verdict instanceof LogHistory.Consistent ok) {
            tally.checked++;
            var checkpoint = ok.head().checkpoint();
            checkpoints.saveVerified(log.id(), checkpoint.size(), HexFormat.of().formatHex(checkpoint.rootHash()),
                    ok.head().note(), clock.instant());
            heads.put(log.id(), ok.view());
            out.println("checkLogs: " + log.location() + " (" + log.kind().target() + "): size " + checkpoint.size()
                    + ", " + ok.anchors());
        } else if (verdict instanceof LogHistory.Broken broken) {
            tally.checked++;
            tally.finding(findings.report(RunIds.of(chunkContext), broken.kind(), log.location(), broken.evidence(), null));
            if (broken.view() != null) {
                heads.put(log.id(), broken.view());
            }
        } else if (verdict instanceof LogHistory.Unreachable unreachable) {
            tally.unchecked++;
            findings.unchecked("checkLogs: cannot check " + log.location() + ": " + unreachable.reason());
        } else {
            out.println("checkLogs: " + log.location() + " (" + log.kind().target()
                    + "): no checkpoint yet, nothing was logged there");
        }
        return RepeatStatus.CONTINUABLE;
    }

    /** The distinct checkpoints the remote log's receipts (as the catalog kept them) were signed for. */
    private Set<String> receiptCheckpoints(AuditedLog log) {
        Set<String> notes = new LinkedHashSet<>();
        long afterId = 0;
        List<LoggedSubmission> page;
        while (!(page = catalog.logged(spec.job().sourceId(), log.id(), afterId, VerifyReceiptsTasklet.PAGE)).isEmpty()) {
            for (LoggedSubmission submission : page) {
                afterId = submission.id();
                if (submission.receipt() == null) {
                    continue;
                }
                try {
                    notes.add(SigstoreBundle.parse(submission.receipt()).tlogEntry().inclusionProof().checkpoint());
                } catch (TlogException | IllegalArgumentException e) {
                    // verifyReceipts reports a receipt that does not parse
                }
            }
        }
        return notes;
    }
}
