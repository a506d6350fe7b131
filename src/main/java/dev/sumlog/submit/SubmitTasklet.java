package dev.sumlog.submit;

import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.LoggedRow;
import dev.sumlog.catalog.SubmissionRepository.Pending;
import dev.sumlog.submit.LogTarget.Logged;
import dev.sumlog.release.SumsFileNames;
import dev.sumlog.sums.AtomicFiles;
import dev.sumlog.tlog.note.Checkpoint;
import dev.sumlog.tlog.note.Note;
import dev.sumlog.tlog.receipt.TlogProof;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    private final LogTarget target;
    private final TransactionTemplate ownTransaction;
    private final RateLimiter limiter;
    private final Retrier retrier;
    private final String source;
    private final Path outRoot;
    private final int batchSize;
    private final PrintStream out;
    private final CrashHook crashHook;
    private long lastId = Long.MIN_VALUE;

    /** Fault injection for restart tests: called after every append, before the batch commits. */
    public interface CrashHook {
        void afterAppend();
    }

    public SubmitTasklet(SubmissionRepository submissions, LogCheckpointRepository checkpoints, LogTarget target,
                         TransactionTemplate ownTransaction, SubmitPolicy policy, String source, Path outRoot,
                         int batchSize, PrintStream out, CrashHook crashHook) {
        this.submissions = submissions;
        this.checkpoints = checkpoints;
        this.target = target;
        this.ownTransaction = ownTransaction;
        this.limiter = RateLimiter.of(policy);
        this.retrier = new Retrier(policy);
        this.source = source;
        this.outRoot = outRoot;
        this.batchSize = batchSize;
        this.out = out;
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
            return RepeatStatus.FINISHED;
        }
        lastId = batch.get(batch.size() - 1).id();
        List<Pending> toAppend = new ArrayList<>();
        List<LoggedRow> logged = new ArrayList<>();
        for (Pending p : batch) {
            Optional<Logged> earlier = p.expectedIndex() == null ? Optional.empty()
                    : target.find(bytes(p), p.expectedIndex());
            if (earlier.isPresent()) {
                logged.add(writeReceipt(p, earlier.get()));
            } else {
                toAppend.add(p);
            }
        }
        if (!toAppend.isEmpty()) {
            limiter.acquire(toAppend.size(), wait -> out.printf("  submit: waiting %.1f s for the rate limit of %s%n",
                    wait.toNanos() / 1e9, target.id()));
            try {
                long[] recordedAt = {-1};
                List<Logged> appended = retrier.run(() -> appendOnce(toAppend, recordedAt),
                        message -> out.println("  submit: " + message));
                crashHook.afterAppend();
                for (int i = 0; i < toAppend.size(); i++) {
                    logged.add(writeReceipt(toAppend.get(i), appended.get(i)));
                }
            } catch (IOException e) {
                out.println("  submit: " + toAppend.size() + " release(s) stay pending: " + e.getMessage());
                submissions.recordFailure(toAppend, e.getMessage());
            }
        }
        submissions.recordLogged(logged);
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

    /**
     * Writes the receipt beside the sums file. Its {@code extra} carries the entry itself, so the
     * receipt verifies offline: the inclusion proof authenticates the entry, the entry names the sums.
     */
    private LoggedRow writeReceipt(Pending p, Logged logged) throws IOException {
        String receiptPath = p.sumsPath() + SumsFileNames.RECEIPT_SUFFIX;
        TlogProof proof = logged.receipt();
        TlogProof withEntry = new TlogProof(Optional.of(bytes(p)), proof.index(), proof.proof(), proof.checkpointNote());
        AtomicFiles.write(outRoot.resolve(receiptPath), withEntry.format().getBytes(StandardCharsets.UTF_8));
        return new LoggedRow(p.id(), logged.index(), receiptPath);
    }

    private static byte[] bytes(Pending p) {
        return p.entry().getBytes(StandardCharsets.UTF_8);
    }
}
