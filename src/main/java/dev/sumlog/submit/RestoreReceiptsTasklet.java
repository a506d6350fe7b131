package dev.sumlog.submit;

import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.Receiptless;
import dev.sumlog.output.OutputTree;
import dev.sumlog.submit.LogTarget.Logged;
import dev.sumlog.submit.ReceiptWriter.Request;
import dev.sumlog.submit.ReceiptWriter.Result;
import dev.sumlog.support.RunIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the receipts the output tree lacks for entries already logged: every receipt when
 * {@code --out} is new, and any receipt an earlier run could not write. Each comes from the log
 * itself (inclusion at its current checkpoint, verified like any receipt) and never from a second
 * append. One page per call, each in its own transaction; idempotent, because a receipt once
 * registered in the output tree is not selected again. Runs before any append of this run, so a
 * resumed run writes the same bytes as an uninterrupted one.
 */
public class RestoreReceiptsTasklet implements Tasklet {

    static final int PAGE = 256;

    private final SubmissionRepository submissions;
    private final OutputRepository outputs;
    private final ProblemRepository problems;
    private final LogTarget target;
    private final String source;
    private final OutputTree out;
    private final ReceiptWriter receipts;
    private long lastId = Long.MIN_VALUE;

    public RestoreReceiptsTasklet(SubmitTasklet.Repositories repositories, LogTarget target, String source,
                                  OutputTree out) {
        this.submissions = repositories.submissions();
        this.outputs = repositories.outputs();
        this.problems = repositories.problems();
        this.target = target;
        this.source = source;
        this.out = out;
        this.receipts = new ReceiptWriter(out, outputs);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        List<Receiptless> page = submissions.loggedWithoutReceipt(source, target.id(), out.key(), lastId, PAGE);
        if (page.isEmpty()) {
            return finished();
        }
        lastId = page.get(page.size() - 1).id();
        List<Request> requests = new ArrayList<>(page.size());
        for (Receiptless r : page) {
            byte[] entry = r.entry().getBytes(StandardCharsets.UTF_8);
            Logged logged = target.find(entry, r.logIndex()).orElseThrow(() -> new IOException("the log "
                    + target.id() + " no longer holds entry " + r.logIndex() + " of " + r.sumsPath()
                    + " as sumlog logged it"));
            requests.add(new Request(r.id(), r.sumsPath(), entry, logged));
        }
        Result written = receipts.writeAll(requests);
        outputs.record(out.key(), written.written());
        problems.record(RunIds.of(chunkContext), source, written.skipped());
        contribution.incrementWriteCount(written.written().size());
        return page.size() < PAGE ? finished() : RepeatStatus.CONTINUABLE;
    }

    /** The cursor is per step execution: a later run in the same JVM starts from the beginning again. */
    private RepeatStatus finished() {
        lastId = Long.MIN_VALUE;
        return RepeatStatus.FINISHED;
    }
}
