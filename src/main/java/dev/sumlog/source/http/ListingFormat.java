package dev.sumlog.source.http;

/** The index-listing dialects the parser recognises. */
public enum ListingFormat {
    /** Apache mod_autoindex with FancyIndexing: a {@code <pre>} block with icons and sort links. */
    APACHE_FANCY,
    /** Apache mod_autoindex without FancyIndexing: a {@code <ul>} of links, no sizes or dates. */
    APACHE_PLAIN,
    /** Apache mod_autoindex with HTMLTable (also lighttpd's table): rows with date and size cells. */
    APACHE_TABLE,
    /** nginx autoindex, HTML: a {@code <pre>} block with dates and sizes after each link. */
    NGINX_HTML,
    /** nginx autoindex_format json: an array of {name, type, mtime, size}. */
    NGINX_JSON,
    /** Not an index listing (an index.html served in its place, an error page): nothing is followed. */
    UNKNOWN
}
