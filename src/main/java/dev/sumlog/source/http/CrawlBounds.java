package dev.sumlog.source.http;

/**
 * Limits that keep a crawl of a hostile or broken server finite and small.
 *
 * @param maxDepth        directory levels below the root that are listed (the root is level 0);
 *                        a symlink loop served as ever deeper directories stops here
 * @param maxPages        listing pages fetched in one crawl (redirect hops are not counted)
 * @param maxLinksPerPage links read from one page; the rest of the page is reported, not read
 */
public record CrawlBounds(int maxDepth, int maxPages, int maxLinksPerPage) {

    /**
     * Defaults sized from tarballs.opendev.org: the tree is 4-5 levels deep, about 2,000 directories,
     * and its largest directory (openstack/, ~700 projects; openstack-ansible, ~1,600 files) is far
     * below 10,000 links.
     */
    public static final CrawlBounds DEFAULTS = new CrawlBounds(16, 50_000, 10_000);

    public CrawlBounds {
        if (maxDepth < 0 || maxPages < 1 || maxLinksPerPage < 1) {
            throw new IllegalArgumentException("crawl bounds must be positive: maxDepth=" + maxDepth + ", maxPages="
                    + maxPages + ", maxLinksPerPage=" + maxLinksPerPage);
        }
    }
}
