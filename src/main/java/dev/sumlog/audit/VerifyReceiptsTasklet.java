package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository;
import dev.sumlog.catalog.AuditRepository.LoggedSubmission;
import dev.sumlog.support.RunIds;
import dev.sumlog.tlog.TlogException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code verifyReceipts}: every receipt of every logged release is verified again, offline, with
 * the log's trusted key. The receipt is the one in the output tree (what users download); where the
 * tree has none, a remote log's receipt as the catalog kept it. One page of one log per call, so each
 * call is a short transaction and its alerts are committed as it goes.
 */
final class VerifyReceiptsTasklet implements Tasklet {

    static final int PAGE = 256;

    private final AuditSpec spec;
    private final AuditRepository catalog;
    private final Findings findings;
    private final PrintStream out;
    private final StepTally tally = new StepTally();
    private int logIndex;
    private long afterId;
    private long absent;

    VerifyReceiptsTasklet(AuditSpec spec, AuditRepository catalog, Findings findings, PrintStream out) {
        this.spec = spec;
        this.catalog = catalog;
        this.findings = findings;
        this.out = out;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<AuditedLog> logs = spec.logs();
        if (logIndex >= logs.size()) {
            out.println("verifyReceipts: " + tally.checked + " receipt(s) verified, " + tally.alerts + " invalid"
                    + (absent > 0 ? ", " + absent + " not in " + spec.job().out() : ""));
            tally.recordIn(chunkContext.getStepContext().getStepExecution());
            return RepeatStatus.FINISHED;
        }
        AuditedLog log = logs.get(logIndex);
        List<LoggedSubmission> page = catalog.logged(spec.job().sourceId(), log.id(), afterId, PAGE);
        if (page.isEmpty()) {
            logIndex++;
            afterId = 0;
            return RepeatStatus.CONTINUABLE;
        }
        long runId = RunIds.of(chunkContext);
        for (LoggedSubmission submission : page) {
            check(runId, log, submission);
            afterId = submission.id();
        }
        return RepeatStatus.CONTINUABLE;
    }

    private void check(long runId, AuditedLog log, LoggedSubmission submission) {
        Path file = submission.receiptPath() == null ? null : spec.job().out().resolve(submission.receiptPath());
        byte[] receipt;
        String subject;
        if (file != null && Files.isRegularFile(file)) {
            try {
                receipt = Files.readAllBytes(file);
            } catch (IOException e) {
                tally.unchecked++;
                findings.unchecked("verifyReceipts: cannot read " + file + ": " + Reasons.of(e));
                return;
            }
            subject = submission.receiptPath();
        } else if (submission.receipt() != null) {
            receipt = submission.receipt().getBytes(StandardCharsets.UTF_8);
            subject = submission.sumsPath();
        } else {
            absent++;
            return;
        }
        tally.checked++;
        try {
            log.verifyReceipt(submission, receipt);
        } catch (TlogException | IllegalArgumentException e) {
            tally.finding(findings.report(runId, AuditAlerts.RECEIPT_INVALID, subject,
                    log.location() + ": " + Reasons.of(e), submission.releaseId()));
        }
    }
}
