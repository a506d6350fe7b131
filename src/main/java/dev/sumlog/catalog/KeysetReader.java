package dev.sumlog.catalog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads the rows still in a step's input state, page by page in id order (keyset paging).
 *
 * <p>Process-indicator pattern: the step's writer moves each row out of the input state in the chunk
 * transaction, so this reader keeps no restart state: after a crash the rows not yet committed are
 * exactly the ones still in the input state, and a new run reads them from the start. Offset paging
 * would skip rows here because the result set shrinks as chunks commit; the id cursor does not.
 */
public final class KeysetReader<T> implements ItemReader<T> {

    /** Fetches up to {@code limit} rows with an id greater than {@code afterId}, in id order. */
    public interface PageQuery<T> {
        List<T> fetch(long afterId, int limit);
    }

    private final PageQuery<T> query;
    private final ToLongFunction<T> idOf;
    private final int pageSize;
    private final Deque<T> page = new ArrayDeque<>();
    private long lastId = Long.MIN_VALUE;
    private boolean exhausted;

    public KeysetReader(PageQuery<T> query, ToLongFunction<T> idOf, int pageSize) {
        this.query = query;
        this.idOf = idOf;
        this.pageSize = pageSize;
    }

    @Override
    public T read() {
        if (page.isEmpty() && !exhausted) {
            List<T> rows = query.fetch(lastId, pageSize);
            exhausted = rows.size() < pageSize;
            page.addAll(rows);
        }
        T next = page.poll();
        if (next != null) {
            lastId = idOf.applyAsLong(next);
        }
        return next;
    }
}
