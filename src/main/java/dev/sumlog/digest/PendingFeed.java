package dev.sumlog.digest;

import dev.sumlog.catalog.PendingArtifact;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The rows still to hash, one at a time in hash order (large files first, largest first; then the
 * rest in crawl order), fetched a page at a time with a keyset cursor on (size, id).
 *
 * <p>The cursor lives only for one step execution: what a restart reads is the catalog's PENDING
 * state, which the step's writer clears in each chunk's transaction. Rows already handed out but
 * not yet committed are still PENDING, and the cursor is what keeps them from being handed out twice.
 */
public final class PendingFeed {

    /**
     * Files at least this large are hashed first, largest first. Below it a file takes a few
     * milliseconds to hash, too little to hold up the end of the step.
     */
    static final long LARGE_FILE_BYTES = 16L << 20;
    /**
     * Rows per page while large files are still coming: each such page costs a scan of the pending
     * rows (no index on size), so it is made large enough that one page usually holds them all.
     */
    static final int LARGE_PAGE = 4096;

    /**
     * Up to {@code limit} rows strictly after ({@code afterSize}, {@code afterId}) in hash order, where
     * files of at least {@code largeBytes} come first (ArtifactRepository.nextPending).
     */
    public interface PageQuery {
        List<PendingArtifact> fetch(long largeBytes, long afterSize, long afterId, int limit);
    }

    private final PageQuery query;
    private final int pageSize;
    private final int largePageSize;
    private final Deque<PendingArtifact> page = new ArrayDeque<>();
    private long afterSize;
    private long afterId;
    private boolean exhausted;

    PendingFeed(PageQuery query, int pageSize) {
        this(query, pageSize, Math.max(pageSize, LARGE_PAGE));
    }

    PendingFeed(PageQuery query, int pageSize, int largePageSize) {
        this.query = query;
        this.pageSize = pageSize;
        this.largePageSize = largePageSize;
        restart();
    }

    /** Starts again from the first pending row (each step execution does). */
    void restart() {
        page.clear();
        afterSize = Long.MAX_VALUE;
        afterId = Long.MIN_VALUE;
        exhausted = false;
    }

    /** The next row to hash, or null when none is left. */
    PendingArtifact next() {
        if (page.isEmpty() && !exhausted) {
            int limit = afterSize >= LARGE_FILE_BYTES ? largePageSize : pageSize;
            List<PendingArtifact> rows = query.fetch(LARGE_FILE_BYTES, afterSize, afterId, limit);
            exhausted = rows.size() < limit;
            page.addAll(rows);
        }
        PendingArtifact next = page.poll();
        if (next != null) {
            afterSize = next.stamp().size();
            afterId = next.id();
        }
        return next;
    }
}
