package dev.sumlog.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * The crawl step's reader over a local tree.
 *
 * <p>Restart key: {@code <name>.after}, the last path handed to a committed chunk. Reads and
 * writes stay on the step thread and the execution context is saved in the chunk's transaction, so
 * on restart the walk resumes strictly after that path and no file is listed twice or missed
 * (files added before the cursor meanwhile are picked up by the next run).
 */
public class LocalTreeReader extends ItemStreamSupport implements ItemStreamReader<CrawledFile> {

    static final String AFTER = "after";

    private final Path root;
    private final PathFilter filter;
    private LocalTreeWalker walker;
    private String lastRead;

    public LocalTreeReader(Path root, PathFilter filter) {
        this.root = root;
        this.filter = filter;
        setName("crawl");
    }

    @Override
    public void open(ExecutionContext context) {
        lastRead = context.containsKey(getExecutionContextKey(AFTER)) ? context.getString(getExecutionContextKey(AFTER)) : null;
        try {
            walker = new LocalTreeWalker(root, filter, lastRead);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open archive root " + root + ": " + LocalTreeWalker.describe(e), e);
        }
    }

    @Override
    public CrawledFile read() {
        if (!walker.hasNext()) {
            return null;
        }
        CrawledFile file = walker.next();
        lastRead = file.path();
        return file;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(getExecutionContextKey(AFTER), lastRead);
        }
    }
}
