package dev.sumlog.source.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.Instant;

/**
 * Collects the links of one page into a {@link Listing}: resolves each href against the page,
 * drops the page's own navigation (parent and self links), and stops taking links past the cap,
 * recording one line that says how many were left unread.
 */
final class ListingBuilder {

    private final URI page;
    private final Links.Resolved pageLink;
    private final int maxLinks;
    private final List<Entry> files = new ArrayList<>();
    private final List<Entry> directories = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private int links;

    ListingBuilder(URI page, int maxLinks) {
        this.page = page;
        this.pageLink = Links.canonical(page).link();
        this.maxLinks = maxLinks;
    }

    /** Whether the cap allows another link. */
    boolean full() {
        return links >= maxLinks;
    }

    void add(String href, OptionalLong size, Optional<Instant> modified) {
        add(href, null, size, modified);
    }

    /**
     * @param directoryHint the listing's own say on the entry's kind (JSON type), or null to go by
     *                      the href's trailing slash
     */
    void add(String href, Boolean directoryHint, OptionalLong size, Optional<Instant> modified) {
        links++;
        Links.Result result = Links.resolve(page, href);
        if (result.rejection() != null) {
            skipped.add(result.rejection());
            return;
        }
        Links.Resolved link = result.link();
        if (pageLink != null && link.isAncestorOrSelf(pageLink)) {
            boolean self = link.segments().equals(pageLink.segments());
            skipped.add(self ? Skipped.problem(href, "link to this listing itself")
                    : Skipped.navigation(href, "parent directory link"));
            return;
        }
        boolean directory = directoryHint != null ? directoryHint : link.directory();
        URI url = link.url();
        if (directory != link.directory()) {
            url = Links.build(link.scheme(), link.host(), link.port(), link.segments(), directory);
        }
        Entry entry = new Entry(link.name(), url, directory, directory ? OptionalLong.empty() : size,
                modified);
        (directory ? directories : files).add(entry);
    }

    void skip(Skipped item) {
        links++;
        skipped.add(item);
    }

    /** Records that the page had {@code total} links and only the first {@code maxLinks} were read. */
    void capped(int total) {
        skipped.add(Skipped.problem(page.toString(), "listing has " + total + " links; only the first " + maxLinks
                + " were read (maxLinksPerPage)"));
    }

    Listing build(ListingFormat format) {
        return new Listing(format, files, directories, skipped);
    }
}
