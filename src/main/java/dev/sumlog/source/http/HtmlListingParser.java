package dev.sumlog.source.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The HTML dialects: Apache's table, fancy {@code <pre>} and plain {@code <ul>}, and nginx's
 * {@code <pre>}. Only the href of each link counts; the text is ignored because both servers cut
 * long names in it ({@code name..&gt;}).
 *
 * <p>A page must call itself "Index of ..." (title or h1): an index.html served in place of the
 * listing is somebody's web page, and its links are not a file list.
 */
final class HtmlListingParser {

    private HtmlListingParser() {
    }

    static Listing parse(URI page, String charset, byte[] body, int maxLinks) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), charset, page.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        if (!isIndexPage(doc)) {
            return Listing.unrecognised(ListingFormat.UNKNOWN, page.toString(),
                    "not an index listing (no 'Index of' title; an index.html served instead?)");
        }
        if (doc.selectFirst("table td a[href]") != null) {
            return table(page, doc.select("table a[href]"), maxLinks);
        }
        Elements pre = doc.select("pre a[href]");
        if (!pre.isEmpty()) {
            boolean apache = !doc.select("pre img").isEmpty() || pre.stream().anyMatch(a -> a.attr("href").startsWith("?C="));
            return pre(page, pre, apache ? ListingFormat.APACHE_FANCY : ListingFormat.NGINX_HTML, maxLinks);
        }
        Elements items = doc.select("ul li a[href]");
        if (!items.isEmpty()) {
            return collect(page, items, ListingFormat.APACHE_PLAIN, maxLinks, a -> ListingFields.Columns.NONE);
        }
        return Listing.unrecognised(ListingFormat.UNKNOWN, page.toString(), "index page with no table, <pre> or list of links");
    }

    private static boolean isIndexPage(Document doc) {
        Element h1 = doc.selectFirst("h1");
        return doc.title().strip().startsWith("Index of") || h1 != null && h1.text().strip().startsWith("Index of");
    }

    private static Listing table(URI page, Elements anchors, int maxLinks) {
        return collect(page, anchors, ListingFormat.APACHE_TABLE, maxLinks, HtmlListingParser::rowColumns);
    }

    private static Listing pre(URI page, Elements anchors, ListingFormat format, int maxLinks) {
        return collect(page, anchors, format, maxLinks, a -> {
            Node next = a.nextSibling();
            return next instanceof TextNode text ? ListingFields.afterLink(text.getWholeText()) : ListingFields.Columns.NONE;
        });
    }

    /** Date and size from the other cells of the row holding {@code anchor}. */
    private static ListingFields.Columns rowColumns(Element anchor) {
        Element cell = ancestor(anchor, "td");
        Element row = cell == null ? null : ancestor(cell, "tr");
        if (cell == null || row == null) {
            return ListingFields.Columns.NONE;
        }
        OptionalLong size = OptionalLong.empty();
        Optional<Instant> modified = Optional.empty();
        boolean sizeSeen = false;
        for (Element other : row.children()) {
            if (other == cell || !other.nameIs("td")) {
                continue;
            }
            String text = other.text().replace('\u00a0', ' ').strip();
            Optional<Instant> date = ListingFields.date(text);
            if (modified.isEmpty() && date.isPresent()) {
                modified = date;
            } else if (!sizeSeen && !text.isEmpty() && ListingFields.isSize(text)) {
                sizeSeen = true;
                size = ListingFields.exactSize(text);
            }
        }
        return new ListingFields.Columns(size, modified);
    }

    /** The nearest enclosing element named {@code tag}; by hand, as a CSS query per row costs seconds on 10,000 rows. */
    private static Element ancestor(Element element, String tag) {
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (e.nameIs(tag)) {
                return e;
            }
        }
        return null;
    }

    private static Listing collect(URI page, Elements anchors, ListingFormat format, int maxLinks,
            java.util.function.Function<Element, ListingFields.Columns> columns) {
        ListingBuilder builder = new ListingBuilder(page, maxLinks);
        for (Element a : anchors) {
            if (builder.full()) {
                builder.capped(anchors.size());
                break;
            }
            ListingFields.Columns c = columns.apply(a);
            builder.add(a.attr("href"), c.size(), c.modified());
        }
        return builder.build(format);
    }
}
