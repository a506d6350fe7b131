package dev.sumlog.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sumlog.catalog.HashOutcome;
import dev.sumlog.catalog.PendingArtifact;
import dev.sumlog.support.FileStamp;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class HashPipelineTest {

    @TempDir
    Path root;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdown();
        assertThat(executor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** Pending rows in the order the list gives, paged after the cursor like the catalog's query. */
    private static final class ListQuery implements PendingFeed.PageQuery {
        final List<PendingArtifact> rows;
        final List<long[]> cursors = new ArrayList<>();

        ListQuery(List<PendingArtifact> rows) {
            this.rows = rows;
        }

        @Override
        public List<PendingArtifact> fetch(long largeBytes, long afterSize, long afterId, int limit) {
            assertThat(largeBytes).isEqualTo(PendingFeed.LARGE_FILE_BYTES);
            cursors.add(new long[] {afterSize, afterId, limit});
            int start = 0;
            while (start < rows.size() && afterId != Long.MIN_VALUE && rows.get(start++).id() != afterId) {
                // skip to the row after the cursor
            }
            return rows.subList(start, Math.min(rows.size(), start + limit));
        }
    }

    @Test
    void handsOutEveryPendingFileOnceWithItsDigestPagingAfterTheLastRowHandedOut() throws Exception {
        List<PendingArtifact> rows = new ArrayList<>();
        Map<String, String> expected = new TreeMap<>();
        long large = PendingFeed.LARGE_FILE_BYTES;
        long[] listedSizes = {large + 2, large + 1, large, 9, 8, 7, 6}; // as the catalog lists them
        for (int i = 0; i < listedSizes.length; i++) {
            byte[] content = ("file " + i).repeat(1000 * (7 - i)).getBytes();
            rows.add(pending(i + 1, "f" + i, content, listedSizes[i]));
            expected.put("f" + i, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        }
        ListQuery query = new ListQuery(rows);
        HashPipeline pipeline = new HashPipeline(new PendingFeed(query, 3, 2),
                new HashProcessor(new FileDigester(root, 1024), HashTrace.off()), executor, 2);
        pipeline.open(new ExecutionContext());

        Map<String, String> hashed = new TreeMap<>();
        HashOutcome outcome;
        while ((outcome = pipeline.read()) != null) {
            assertThat(outcome.isFailed()).as(outcome.failure()).isFalse();
            assertThat(hashed.put(outcome.path(), outcome.sha256())).isNull();
        }
        pipeline.close();

        assertThat(hashed).isEqualTo(expected);
        // large pages while the last row handed out was large, then small pages after the small cursor
        assertThat(query.cursors).containsExactly(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 2},
                new long[] {large + 1, 2, 2}, new long[] {9, 4, 3}, new long[] {6, 7, 3});
    }

    @Test
    void closeDropsFilesNotYetStartedSoTheyStayPendingForTheNextRun() throws Exception {
        List<PendingArtifact> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(pending(i + 1, "f" + i, new byte[4096]));
        }
        Path trace = root.resolveSibling(root.getFileName() + "-trace.txt");
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try (HashTrace traced = HashTrace.to(trace)) {
            HashPipeline pipeline = new HashPipeline(new PendingFeed(new ListQuery(rows), 10),
                    new HashProcessor(new FileDigester(root, 4096), traced), oneThread, 2);
            pipeline.open(new ExecutionContext());
            assertThat(pipeline.read()).isNotNull();
            pipeline.close();
            oneThread.shutdown();
            assertThat(oneThread.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        // one handed out, at most two more in flight (one started, one queued and dropped)
        assertThat(Files.readAllLines(trace)).hasSizeBetween(1, 3);
    }

    @Test
    void anErrorOfTheStepItselfReachesTheStepUnwrapped() throws Exception {
        HashTrace closed = HashTrace.to(root.resolveSibling(root.getFileName() + "-closed.txt"));
        closed.close();
        HashPipeline pipeline = pipeline(new ListQuery(List.of(pending(1, "f", new byte[1]))), 10, closed, 1);

        assertThatThrownBy(pipeline::read).isInstanceOf(UncheckedIOException.class).hasMessageContaining("hash trace");
        pipeline.close();
    }

    private HashPipeline pipeline(ListQuery query, int pageSize, HashTrace trace, int inFlight) throws Exception {
        HashPipeline pipeline = HashPipeline.of(query, pageSize, new HashProcessor(new FileDigester(root, 1024), trace),
                executor, inFlight);
        pipeline.open(new ExecutionContext());
        return pipeline;
    }

    private PendingArtifact pending(long id, String name, byte[] content) throws Exception {
        Path file = Files.write(root.resolve(name), content);
        return new PendingArtifact(id, name, FileStamp.read(file, LinkOption.NOFOLLOW_LINKS).stamp());
    }

    /** A pending row whose catalog size is {@code listedSize}: only the order depends on it. */
    private PendingArtifact pending(long id, String name, byte[] content, long listedSize) throws Exception {
        FileStamp real = pending(id, name, content).stamp();
        return new PendingArtifact(id, name, new FileStamp(listedSize, real.mtime(), real.ctimeNanos(), real.inode()));
    }
}
