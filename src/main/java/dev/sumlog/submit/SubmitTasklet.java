package dev.sumlog.submit;

import dev.sumlog.catalog.LogCheckpointRepository;
import dev.sumlog.catalog.SubmissionRepository;
import dev.sumlog.catalog.SubmissionRepository.Pending;
import dev.sumlog.submit.LogTarget.Logged;
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
        for (Pending p : batch) {
            Optional<Logged> earlier = p.expectedIndex() == null ? Optional.empty()
                    : target.find(bytes(p), p.expectedIndex());
            if (earlier.isPresent()) {
                record(p, earlier.get(), contribution);
            } else {
                toAppend.add(p);
            }
        }
        if (!toAppend.isEmpty()) {
            limiter.acquire(toAppend.size(), wait -> out.printf("  submit: waiting %.1f s for the rate limit of %s%n",
                    wait.toNanos() / 1e9, target.id()));
            try {
                List<Logged> logged = retrier.run(() -> appendOnce(toAppend),
                        message -> out.println("  submit: " + message));
                crashHook.afterAppend();
                for (int i = 0; i < toAppend.size(); i++) {
                    record(toAppend.get(i), logged.get(i), contribution);
                }
            } catch (IOException e) {
                out.println("  submit: " + toAppend.size() + " release(s) stay pending: " + e.getMessage());
                submissions.recordFailure(toAppend, e.getMessage());
            }
        }
        saveCheckpoint();
        return RepeatStatus.CONTINUABLE;
    }

    private void saveCheckpoint() throws IOException {
        String note = target.checkpointNote();
        Checkpoint checkpoint = Checkpoint.parse(Note.parse(note).text());
        checkpoints.save(target.id(), checkpoint.size(), HexFormat.of().formatHex(checkpoint.rootHash()), note);
    }

    /** Commits the expected indexes, then appends; a retry first looks for an append that landed. */
    private List<Logged> appendOnce(List<Pending> batch) throws IOException {
        List<byte[]> entries = batch.stream().map(SubmitTasklet::bytes).toList();
        long first = target.nextIndex();
        Optional<Logged> landed = batch.get(0).expectedIndex() == null ? Optional.empty()
                : target.find(entries.get(0), batch.get(0).expectedIndex());
        if (landed.isEmpty()) {
            ownTransaction.executeWithoutResult(status -> submissions.recordExpected(batch, first));
            return target.append(entries);
        }
        List<Logged> found = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            found.add(target.find(entries.get(i), landed.get().index() + i)
                    .orElseThrow(() -> new IOException("log holds part of an earlier batch only")));
        }
        return found;
    }

    /**
     * Writes the receipt beside the sums file. Its {@code extra} carries the entry itself, so the
     * receipt verifies offline: the inclusion proof authenticates the entry, the entry names the sums.
     */
    private void record(Pending p, Logged logged, StepContribution contribution) throws IOException {
        String receiptPath = p.sumsPath() + ".tlog-proof";
        TlogProof proof = logged.receipt();
        TlogProof withEntry = new TlogProof(Optional.of(bytes(p)), proof.index(), proof.proof(), proof.checkpointNote());
        AtomicFiles.write(outRoot.resolve(receiptPath), withEntry.format().getBytes(StandardCharsets.UTF_8));
        submissions.recordLogged(p.id(), logged.index(), receiptPath);
        contribution.incrementWriteCount(1);
    }

    private static byte[] bytes(Pending p) {
        return p.entry().getBytes(StandardCharsets.UTF_8);
    }
}
