package dev.sumlog.source.http;

import dev.sumlog.source.TreeOrder;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Walks index listings from the root depth-first, each page's entries sorted by relative path
 * ({@link TreeOrder}), like the local walk; pages are fetched lazily as the walk reaches them, so
 * memory holds one sorted listing per level plus the set of URLs seen.
 *
 * <p>Invariants: nothing is fetched that {@link RootScope} has not admitted (the fetcher checks each
 * redirect hop, and the crawler checks the final URL again); each page and each file URL is taken once
 * (de-duplication by canonical final URL), so a listing that links to itself or a redirect alias ends;
 * depth, page count and links per page are bounded by {@link CrawlBounds}, and every limit hit is
 * reported as a skipped item, never silently.
 */
public final class ListingCrawler implements Iterator<CrawledRemoteFile> {

    private final RootScope scope;
    private final PageFetcher fetcher;
    private final CrawlBounds bounds;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Deque<CrawledRemoteFile> pending = new ArrayDeque<>();
    private final Set<URI> seenPages = new HashSet<>();
    private final Set<URI> seenFiles = new HashSet<>();
    private int pages;
    private int files;
    private int skipped;
    private int duplicates;
    private int navigation;

    private record Item(Entry entry, Admission admission) {}

    private record Frame(List<Item> items, int[] position) {}

    public ListingCrawler(RootScope scope, PageFetcher fetcher, CrawlBounds bounds) {
        this.scope = scope;
        this.fetcher = fetcher;
        this.bounds = bounds;
        list(scope.root(), "", 0);
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public CrawledRemoteFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CrawledRemoteFile item = pending.poll();
        if (item.isRegular()) {
            files++;
        } else {
            skipped++;
        }
        return item;
    }

    public CrawlStats stats() {
        return new CrawlStats(pages, files, skipped, duplicates, navigation);
    }

    private void fill() {
        while (pending.isEmpty() && !stack.isEmpty()) {
            Frame frame = stack.peek();
            if (frame.position[0] >= frame.items.size()) {
                stack.pop();
                continue;
            }
            Item item = frame.items.get(frame.position[0]++);
            Admission a = item.admission();
            if (a.directory()) {
                int depth = a.relativePath().split("/").length;
                if (depth > bounds.maxDepth()) {
                    pending.add(CrawledRemoteFile.unlisted(a.relativePath(), a.relativePath() + "/", a.url(),
                            "not listed: deeper than maxDepth " + bounds.maxDepth()));
                } else {
                    list(a.url(), a.relativePath(), depth);
                }
            } else if (!seenFiles.add(a.url())) {
                duplicates++;
            } else {
                Entry e = item.entry();
                pending.add(CrawledRemoteFile.file(a.relativePath(), a.url(), e.size(), e.modified()));
            }
        }
    }

    /** Fetches one listing and pushes its entries; problems go to {@link #pending}. */
    private void list(URI url, String relativeDir, int depth) {
        String label = relativeDir.isEmpty() ? "(root)" : relativeDir + "/";
        if (!seenPages.add(url)) {
            duplicates++;
            return;
        }
        if (pages >= bounds.maxPages()) {
            pending.add(CrawledRemoteFile.unlisted(relativeDir, label, url, "not listed: page limit maxPages " + bounds.maxPages() + " reached"));
            return;
        }
        pages++;
        Page page;
        try {
            page = fetcher.fetch(url);
        } catch (IOException e) {
            pending.add(CrawledRemoteFile.unlisted(relativeDir, label, url, "listing not read: " + e.getMessage()));
            return;
        }
        URI base = page.finalUrl();
        Admission landed = base.equals(scope.root()) ? Admission.admitted(base, "", true) : scope.admit(base);
        if (!landed.isAdmitted()) {
            pending.add(CrawledRemoteFile.unlisted(relativeDir, label, url, "listing not read: answered from " + base + ", "
                    + landed.reason()));
            return;
        }
        if (!landed.url().equals(url) && !seenPages.add(landed.url())) {
            duplicates++;
            return;
        }
        if (page.status() != 200) {
            pending.add(CrawledRemoteFile.unlisted(relativeDir, label, url, "listing not read: HTTP " + page.status()));
            return;
        }
        Listing listing = ListingParser.parse(landed.url(), page.contentType(), page.body(), bounds.maxLinksPerPage());
        for (Skipped s : listing.skipped()) {
            if (s.navigation()) {
                navigation++;
            } else {
                pending.add(CrawledRemoteFile.skipped(s.subject(), landed.url(), s.reason() + " (in listing " + label + ")"));
            }
        }
        List<Item> items = new ArrayList<>();
        addAll(items, listing.directories(), landed.url(), label);
        addAll(items, listing.files(), landed.url(), label);
        items.sort(Comparator.comparing((Item i) -> i.admission().relativePath(), TreeOrder::compare));
        stack.push(new Frame(items, new int[] {0}));
    }

    private void addAll(List<Item> items, List<Entry> entries, URI page, String label) {
        for (Entry entry : entries) {
            Admission admission = scope.admit(entry.url());
            if (admission.isAdmitted()) {
                items.add(new Item(entry, admission));
            } else {
                pending.add(CrawledRemoteFile.skipped(entry.url().toString(), page, admission.reason()
                        + " (in listing " + label + ")"));
            }
        }
    }
}
