package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository;
import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.support.RunIds;
import dev.sumlog.tlog.TlogException;
import dev.sumlog.tlog.merkle.Rfc6962;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code checkEntries}: every logged release's entry must still be at its index with the same
 * bytes, read through the view {@code checkLogs} verified (tiles and an inclusion proof in that tree;
 * Rekor v1: the entry API, each answer verified). The bytes expected are the catalog's: the embedded
 * entry, or the canonical body of the stored Rekor request. One page of one log per call.
 */
final class CheckEntriesTasklet implements Tasklet {

    private final AuditSpec spec;
    private final AuditRepository catalog;
    private final AuditHeads heads;
    private final Findings findings;
    private final PrintStream out;
    private final StepTally tally = new StepTally();
    private int logIndex;
    private long afterId;

    CheckEntriesTasklet(AuditSpec spec, AuditRepository catalog, AuditHeads heads, Findings findings, PrintStream out) {
        this.spec = spec;
        this.catalog = catalog;
        this.heads = heads;
        this.findings = findings;
        this.out = out;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (logIndex >= spec.logs().size()) {
            out.println("checkEntries: " + tally.checked + " entr" + (tally.checked == 1 ? "y" : "ies") + " checked, "
                    + tally.alerts + " changed" + (tally.unchecked > 0 ? ", " + tally.unchecked + " not checked" : ""));
            tally.recordIn(chunkContext.getStepContext().getStepExecution());
            return RepeatStatus.FINISHED;
        }
        AuditedLog log = spec.logs().get(logIndex);
        Optional<LogView> view = heads.view(log.id());
        List<LoggedSubmission> page = catalog.logged(spec.job().sourceId(), log.id(), afterId, VerifyReceiptsTasklet.PAGE);
        if (page.isEmpty() || view.isEmpty()) {
            if (view.isEmpty() && !page.isEmpty()) {
                out.println("checkEntries: " + log.location() + ": not checked (no checkpoint of it was verified)");
            }
            nextLog();
            return RepeatStatus.CONTINUABLE;
        }
        long runId = RunIds.of(chunkContext);
        for (LoggedSubmission submission : page) {
            try {
                check(runId, log, view.get(), submission);
            } catch (IOException e) {
                tally.unchecked++;
                findings.unchecked("checkEntries: cannot read " + log.location() + ": " + Reasons.of(e));
                nextLog();
                return RepeatStatus.CONTINUABLE;
            }
            afterId = submission.id();
        }
        return RepeatStatus.CONTINUABLE;
    }

    private void check(long runId, AuditedLog log, LogView view, LoggedSubmission submission) throws IOException {
        long index = submission.logIndex();
        byte[] expected;
        try {
            expected = log.expectedEntry(submission);
        } catch (TlogException | IllegalArgumentException e) {
            tally.unchecked++;
            findings.unchecked("checkEntries: " + submission.sumsPath() + ": the catalog's request for " + log.location()
                    + " cannot be read: " + Reasons.of(e));
            return;
        }
        tally.checked++;
        String problem;
        try {
            Optional<byte[]> logged = view.entry(index);
            problem = logged.isEmpty() ? "no entry at index " + index
                    : Arrays.equals(logged.get(), expected) ? null
                    : "entry " + index + " holds other bytes (leaf hash " + leaf(logged.get())
                    + ") than were logged (leaf hash " + leaf(expected) + ")";
        } catch (TlogException | IllegalArgumentException | IndexOutOfBoundsException e) {
            problem = "entry " + index + ": " + Reasons.of(e);
        }
        if (problem != null) {
            tally.finding(findings.report(runId, AuditAlerts.ENTRY_CHANGED, submission.sumsPath(),
                    log.location() + ": " + problem, submission.releaseId()));
        }
    }

    private void nextLog() {
        logIndex++;
        afterId = 0;
    }

    private static String leaf(byte[] entry) {
        return HexFormat.of().formatHex(Rfc6962.hashLeaf(entry));
    }
}
