package dev.sumlog.submit;

import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.OutputRepository;
import dev.sumlog.catalog.ProblemRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.Pending;
import dev.sumlog.output.OutputTree;
import dev.sumlog.submit.LogTarget.Logged;
import dev.sumlog.submit.ReceiptWriter.Request;
import dev.sumlog.submit.ReceiptWriter.Result;
import dev.sumlog.support.RunIds;
import dev.sumlog.support.ThrottledNotice;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Note;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending submissions to the log, one batch per call (one transaction and, for the embedded
 * log, one checkpoint per batch), and writes each release's receipt beside its sums file.
 *
 * <p>Exactly once: just before an append, the index each entry will take is committed in its own
 * transaction. A crash after the append but before this batch's commit leaves those indexes; the
 * next run finds the entries there ({@link LogTarget#find}) and records them instead of appending
 * again. The step may assume the state lock: nobody else appends to an embedded log meanwhile.
 */
public class SubmitTasklet implements Tasklet {

    private final SubmissionRepository submissions;
    private final LogCheckpointRepository checkpoints;
    private final OutputRepository outputs;
    private final ProblemRepository problems;
    private final ReceiptWriter receipts;
    private final LogTarget target;
    private final TransactionTemplate ownTransaction;
    private final RateLimiter limiter;
    private final Retrier retrier;
    private final String source;
    private final OutputTree outTree;
    private final int batchSize;
    private final PrintStream out;
    private final ThrottledNotice rateWaits;
    private final CrashHook crashHook;
    private long lastId = Long.MIN_VALUE;

    /** Fault injection for restart tests: called after every append, before the batch commits. */
    public interface CrashHook {
        void afterAppend();
    }

    /** The catalog this step reads and records in. */
    public record Repositories(SubmissionRepository submissions, LogCheckpointRepository checkpoints,
                               OutputRepository outputs, ProblemRepository problems) {
    }

    public SubmitTasklet(Repositories repositories, LogTarget target, TransactionTemplate ownTransaction,
                         SubmitPolicy policy, String source, OutputTree outTree, int batchSize, PrintStream out,
                         CrashHook crashHook) {
        this.submissions = repositories.submissions();
        this.checkpoints = repositories.checkpoints();
        this.outputs = repositories.outputs();
        this.problems = repositories.problems();
        this.receipts = new ReceiptWriter(outTree, outputs);
        this.target = target;
        this.ownTransaction = ownTransaction;
        this.limiter = RateLimiter.of(policy);
        this.retrier = new Retrier(policy);
        this.source = source;
        this.outTree = outTree;
        this.batchSize = batchSize;
        this.out = out;
        this.rateWaits = new ThrottledNotice(out::println, ThrottledNotice.EVERY);
        this.crashHook = crashHook;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (lastId == Long.MIN_VALUE) {
            Optional<String> trusted = checkpoints.note(target.id());
            if (trusted.isPresent()) {
                target.verifyExtends(trusted.get());
            }
        }
        List<Pending> batch = submissions.nextPending(source, target.id(), lastId, batchSize);
        if (batch.isEmpty()) {
            return finished();
        }
        lastId = batch.get(batch.size() - 1).id();
        List<Pending> toAppend = new ArrayList<>();
        List<Request> logged = new ArrayList<>();
        for (Pending p : batch) {
            Optional<Logged> earlier = p.expectedIndex() == null ? Optional.empty()
                    : target.find(bytes(p), p.expectedIndex());
            if (earlier.isPresent()) {
                logged.add(request(p, earlier.get()));
            } else {
                toAppend.add(p);
            }
        }
        if (!toAppend.isEmpty()) {
            limiter.acquire(toAppend.size(), wait -> rateWaits.offer(() -> String.format(
                    "  submit: waiting %.1f s for the rate limit of %s (%s)", wait.toNanos() / 1e9, target.id(),
                    ThrottledNotice.rate(limiter.ratePerSecond()))));
            try {
                long[] recordedAt = {-1};
                List<Logged> appended = retrier.run(() -> appendOnce(toAppend, recordedAt),
                        message -> out.println("  submit: " + message));
                crashHook.afterAppend();
                for (int i = 0; i < toAppend.size(); i++) {
                    logged.add(request(toAppend.get(i), appended.get(i)));
                }
            } catch (IOException e) {
                out.println("  submit: " + toAppend.size() + " release(s) stay pending: " + e.getMessage());
                submissions.recordFailure(toAppend, e.getMessage());
            }
        }
        Result written = receipts.writeAll(logged);
        submissions.recordLogged(written.logged());
        outputs.record(outTree.key(), written.written());
        problems.record(RunIds.of(chunkContext), source, written.skipped());
        contribution.incrementWriteCount(logged.size());
        saveCheckpoint();
        return RepeatStatus.CONTINUABLE;
    }

    private void saveCheckpoint() throws IOException {
        String note = target.checkpointNote();
        Checkpoint checkpoint = Checkpoint.parse(Note.parse(note).text());
        checkpoints.save(target.id(), checkpoint.size(), HexFormat.of().formatHex(checkpoint.rootHash()), note);
    }

    /**
     * One attempt: unless an earlier attempt's append is found at the index it recorded (in this run
     * or a crashed one), commits the indexes the entries will take, then appends.
     */
    private List<Logged> appendOnce(List<Pending> batch, long[] recordedAt) throws IOException {
        List<byte[]> entries = batch.stream().map(SubmitTasklet::bytes).toList();
        if (recordedAt[0] >= 0) {
            Optional<List<Logged>> landed = findAll(entries, recordedAt[0]);
            if (landed.isPresent()) {
                return landed.get();
            }
        }
        long first = target.nextIndex();
        ownTransaction.executeWithoutResult(status -> submissions.recordExpected(batch, first));
        recordedAt[0] = first;
        return target.append(entries);
    }

    /** The whole batch at consecutive indexes from {@code first}, or empty when its first entry is not there. */
    private Optional<List<Logged>> findAll(List<byte[]> entries, long first) throws IOException {
        List<Logged> found = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Optional<Logged> logged = target.find(entries.get(i), first + i);
            if (logged.isEmpty()) {
                if (i == 0) {
                    return Optional.empty();
                }
                throw new IOException("log holds only part of a batch appended earlier (index " + first + ")");
            }
            found.add(logged.get());
        }
        return Optional.of(found);
    }

    private static Request request(Pending p, Logged logged) {
        return new Request(p.id(), p.sumsPath(), bytes(p), logged);
    }

    private static byte[] bytes(Pending p) {
        return p.entry().getBytes(StandardCharsets.UTF_8);
    }

    /** The cursor is per step execution: a later run in the same JVM starts from the beginning again. */
    private RepeatStatus finished() {
        lastId = Long.MIN_VALUE;
        return RepeatStatus.FINISHED;
    }
}
