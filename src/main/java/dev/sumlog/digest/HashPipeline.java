package dev.sumlog.digest;

import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.PendingArtifact;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The hash step's reader: hands out files already hashed, in the order they finish, while the pool
 * keeps up to {@code inFlight} more files hashing in hash order ({@link PendingFeed}: largest first).
 *
 * <p>Why not Spring Batch's concurrent chunk (a task executor on the step): it waits for every item
 * of a chunk before writing it, so at the end of each chunk, and during its commit, all but one
 * core idle behind the slowest file. Here the pool never waits for a chunk: while the step thread
 * writes and commits one chunk, the files of the next are already hashing.
 *
 * <p>Restart: nothing is kept in the execution context. A file leaves PENDING only when its chunk
 * commits, so files hashed ahead of a crash are simply hashed again by the next run, and a
 * committed file never is. Files not yet started when the step ends are cancelled.
 */
public final class HashPipeline implements ItemStreamReader<HashOutcome> {

    private final PendingFeed feed;
    private final HashProcessor hasher;
    private final Executor executor;
    private CompletionService<HashOutcome> pool;
    private final int inFlight;
    private final Set<Future<HashOutcome>> running = new HashSet<>();

    /**
     * @param inFlight files submitted to the pool at once: at least its thread count, and about a
     *                 chunk so that the pool has the next chunk's files while a chunk commits
     */
    HashPipeline(PendingFeed feed, HashProcessor hasher, Executor executor, int inFlight) {
        this.feed = feed;
        this.hasher = hasher;
        this.executor = executor;
        this.pool = new ExecutorCompletionService<>(executor);
        this.inFlight = inFlight;
    }

    public static HashPipeline of(PendingFeed.PageQuery pending, int pageSize, HashProcessor hasher,
                                  Executor executor, int inFlight) {
        return new HashPipeline(new PendingFeed(pending, pageSize), hasher, executor, inFlight);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        cancelRunning();
        pool = new ExecutorCompletionService<>(executor); // the old one may still hold cancelled files
        feed.restart();
    }

    /** The next hashed file (or its failure), or null when every pending file has been handed out. */
    @Override
    public HashOutcome read() throws Exception {
        fill();
        if (running.isEmpty()) {
            return null;
        }
        Future<HashOutcome> done = pool.take();
        running.remove(done);
        fill();
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void fill() {
        while (running.size() < inFlight) {
            PendingArtifact next = feed.next();
            if (next == null) {
                return;
            }
            running.add(pool.submit(() -> hasher.process(next)));
        }
    }

    /**
     * Ends the step's pool work: files not started are dropped (they stay PENDING); a file being
     * read is left to finish rather than interrupted, as an interrupt would close the shared trace.
     */
    @Override
    public void close() {
        cancelRunning();
    }

    private void cancelRunning() {
        running.forEach(f -> f.cancel(false));
        running.clear();
    }
}
