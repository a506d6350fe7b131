package dev.sumlog.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HexFormat;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * The crawl step's reader over a local tree.
 *
 * <p>Restart keys: {@code <name>.after}, the last path handed to a committed chunk, and
 * {@code <name>.matched}, the include globs that have taken a file so far. Reads and writes stay on
 * the step thread and the execution context is saved in the chunk's transaction, so on restart the
 * walk resumes strictly after that path and no file is listed twice or missed (files added before
 * the cursor meanwhile are picked up by the next run). When the walk ends, every include glob that
 * took no file is reported as a notice (a typo in a job file must not pass silently).
 */
public class LocalTreeReader extends ItemStreamSupport implements ItemStreamReader<CrawledFile> {

    static final String AFTER = "after";
    static final String MATCHED = "matched";
    static final String REPORTED = "unmatchedReported";

    private final Path root;
    private final PathFilter filter;
    private LocalTreeWalker walker;
    private String lastRead;
    private Deque<CrawledFile> endNotices;

    public LocalTreeReader(Path root, PathFilter filter) {
        this.root = root;
        this.filter = filter;
        setName("crawl");
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.containsKey(getExecutionContextKey(AFTER)) ? context.getString(getExecutionContextKey(AFTER)) : null;
        if (context.containsKey(getExecutionContextKey(MATCHED))) {
            filter.restoreMatched(BitSet.valueOf(HexFormat.of().parseHex(context.getString(getExecutionContextKey(MATCHED)))));
        }
        if (context.containsKey(getExecutionContextKey(REPORTED))) {
            endNotices = new ArrayDeque<>();
        }
        try {
            walker = new LocalTreeWalker(root, filter, lastRead);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open archive root " + root + ": " + LocalTreeWalker.describe(e), e);
        }
    }

    @Override
    public CrawledFile read() {
        if (walker.hasNext()) {
            CrawledFile file = walker.next();
            lastRead = file.path();
            return file;
        }
        if (endNotices == null) {
            endNotices = new ArrayDeque<>();
            filter.unmatchedIncludes().forEach(glob -> endNotices.add(CrawledFile.notice("include '" + glob + "'",
                    "matched no file in " + root + " (a typo in the job file?)")));
        }
        return endNotices.poll();
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(getExecutionContextKey(AFTER), lastRead);
        }
        context.putString(getExecutionContextKey(MATCHED), HexFormat.of().formatHex(filter.matchedIncludes().toByteArray()));
        if (endNotices != null) {
            context.putString(getExecutionContextKey(REPORTED), "true");
        }
    }
}
