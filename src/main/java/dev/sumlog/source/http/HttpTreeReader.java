package dev.sumlog.source.http;

import dev.sumlog.source.CrawledFile;
import dev.sumlog.source.PathFilter;
import dev.sumlog.source.TreeOrder;
import dev.sumlog.support.FileStamp;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * The crawl step's reader over an HTTP index listing ({@link ListingCrawler}), in the same shape as the
 * local tree's: files come in {@link TreeOrder}, filtered by the job's include and exclude globs.
 *
 * <p>A file's stamp is what the listing says: its size (-1 when the listing gives none or only a rounded
 * one) and its time stamp (0 when none); the next crawl compares those, so an unchanged listing row is
 * never downloaded again.
 *
 * <p>Restart keys: {@code <name>.after}, the last file handed to a committed chunk, and
 * {@code <name>.matched}, the include globs matched so far. A restarted crawl fetches the listings
 * again (they are small) and hands out only what comes after the cursor in the crawl's order: the
 * files strictly after it, and the problems met after it (those met before were committed with the
 * chunks before it, an unlisted directory's kept rows included). If the root listing itself cannot be
 * read the step fails: nothing can be said about the archive.
 */
public final class HttpTreeReader extends ItemStreamSupport implements ItemStreamReader<CrawledFile> {

    private static final String AFTER = "after";
    private static final String MATCHED = "matched";

    private final Supplier<ListingCrawler> crawlerFactory;
    private final PathFilter filter;
    private ListingCrawler crawler;
    private String after;
    private boolean replaying;
    private String lastRead;

    /** @param crawlerFactory starts a crawl (it fetches the root listing at once) */
    public HttpTreeReader(Supplier<ListingCrawler> crawlerFactory, PathFilter filter) {
        this.crawlerFactory = crawlerFactory;
        this.filter = filter;
        setName("crawl");
    }

    @Override
    public void open(ExecutionContext context) {
        after = context.containsKey(getExecutionContextKey(AFTER)) ? context.getString(getExecutionContextKey(AFTER)) : null;
        lastRead = after;
        replaying = after != null;
        if (context.containsKey(getExecutionContextKey(MATCHED))) {
            filter.restoreMatched(BitSet.valueOf(HexFormat.of().parseHex(context.getString(getExecutionContextKey(MATCHED)))));
        }
        crawler = crawlerFactory.get();
    }

    @Override
    public CrawledFile read() {
        while (crawler.hasNext()) {
            CrawledRemoteFile item = crawler.next();
            if (!item.isRegular()) {
                if (replaying) {
                    continue; // met before the cursor: reported by the interrupted run
                }
                if ("".equals(item.unlisted())) {
                    throw new UncheckedIOException(new IOException("cannot read the archive's root listing "
                            + item.url() + ": " + item.problem()));
                }
                return item.unlisted() != null ? CrawledFile.unlisted(item.unlisted(), item.path(), item.problem())
                        : CrawledFile.skipped(item.path(), item.problem());
            }
            if (replaying) {
                int order = TreeOrder.compare(item.path(), after);
                if (order <= 0) {
                    replaying = order < 0; // the cursor's own file ends the replay
                    continue; // committed by the interrupted run
                }
                replaying = false; // the cursor's file is gone: the first file after it ends the replay
            }
            if (!filter.accepts(item.path())) {
                continue;
            }
            lastRead = item.path();
            long mtime = item.modified().map(m -> m.toEpochMilli()).orElse(0L);
            return CrawledFile.regular(item.path(), new FileStamp(item.size().orElse(-1), mtime, 0, 0));
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        if (lastRead != null) {
            context.putString(getExecutionContextKey(AFTER), lastRead);
        }
        context.putString(getExecutionContextKey(MATCHED), HexFormat.of().formatHex(filter.matchedIncludes().toByteArray()));
    }
}
