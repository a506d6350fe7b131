package dev.sumlog.audit;

import dev.sumlog.catalog.AuditRepository;
import dev.sumlog.catalog.AuditRepository.HashedFile;
import dev.sumlog.catalog.PendingArtifact;
import dev.sumlog.digest.ArtifactReader;
import dev.sumlog.source.http.DownloadException;
import dev.sumlog.support.FileStamp;
import dev.sumlog.support.RunIds;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step {@code rehash} ({@code --rehash PERCENT}): a uniform random sample of exactly
 * ceil(PERCENT% of N) of the archive's N hashed release files is read again through the job's
 * {@link ArtifactReader} (the local tree, or downloads) and compared with the catalog's digest. The
 * sample is drawn in one pass over the catalog in id order (selection sampling: each row is taken
 * with probability still-wanted / still-unseen), so nothing but one page is held in memory; each
 * page's picks are read on {@code threads} threads.
 */
final class RehashTasklet implements Tasklet, StepExecutionListener {

    static final int PAGE = 512;

    private final AuditSpec spec;
    private final AuditRepository catalog;
    private final ArtifactReader reader;
    private final Findings findings;
    private final PrintStream out;
    private final ExecutorService pool;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final StepTally tally = new StepTally();
    private long total = -1;
    private long wanted;
    private long seen;
    private long afterId;
    private long mismatched;
    private long missing;

    RehashTasklet(AuditSpec spec, AuditRepository catalog, ArtifactReader reader, int threads, Findings findings,
                  PrintStream out) {
        this.spec = spec;
        this.catalog = catalog;
        this.reader = reader;
        this.findings = findings;
        this.out = out;
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "rehash");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        double percent = spec.rehashPercent().orElseThrow();
        if (total < 0) {
            total = catalog.countRehashable(spec.job().sourceId());
            wanted = Math.min(total, (long) Math.ceil(total * percent / 100));
        }
        List<HashedFile> page = seen >= total ? List.of() : catalog.rehashable(spec.job().sourceId(), afterId, PAGE);
        if (page.isEmpty()) {
            out.println("rehash: " + tally.checked + " of " + total + " release file(s) read again ("
                    + percent(percent) + "), " + mismatched
                    + " changed, " + missing + " missing"
                    + (tally.unchecked > 0 ? ", " + tally.unchecked + " unreadable" : ""));
            tally.recordIn(chunkContext.getStepContext().getStepExecution());
            return RepeatStatus.FINISHED;
        }
        List<HashedFile> picked = new ArrayList<>();
        for (HashedFile file : page) {
            // Rows appearing after the count (none while this process holds the state lock) are never picked.
            if (seen < total && random.nextLong(total - seen) < wanted - tally.checked - picked.size()) {
                picked.add(file);
            }
            seen++;
            afterId = file.id();
        }
        List<Future<String>> reads = new ArrayList<>();
        for (HashedFile file : picked) {
            reads.add(pool.submit(() -> reader.read(new PendingArtifact(file.id(), file.path(),
                    new FileStamp(-1, 0, 0, 0))).result().sha256()));
        }
        long runId = RunIds.of(chunkContext);
        for (int i = 0; i < picked.size(); i++) {
            compare(runId, picked.get(i), reads.get(i));
        }
        return RepeatStatus.CONTINUABLE;
    }

    private void compare(long runId, HashedFile file, Future<String> read) throws InterruptedException {
        tally.checked++;
        try {
            String now = read.get();
            if (!now.equals(file.sha256())) {
                mismatched++;
                tally.finding(findings.report(runId, AuditAlerts.REHASH_MISMATCH, file.path(),
                        "catalog sha256 " + file.sha256() + ", read now " + now, file.releaseId()));
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (isMissing(cause)) {
                missing++;
                tally.finding(findings.report(runId, AuditAlerts.REHASH_MISSING, file.path(),
                        "not found (catalog sha256 " + file.sha256() + ")", file.releaseId()));
            } else {
                tally.checked--;
                tally.unchecked++;
                findings.unchecked("rehash: cannot read " + file.path() + ": " + Reasons.of(cause));
            }
        }
    }

    private static boolean isMissing(Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return true;
        }
        return failure instanceof DownloadException download && download.status().isPresent()
                && (download.status().getAsInt() == 404 || download.status().getAsInt() == 410);
    }

    /** "25%", "0.5%". */
    static String percent(double percent) {
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        pool.shutdownNow();
        reader.close();
        return stepExecution.getExitStatus();
    }
}
