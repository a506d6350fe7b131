package dev.sumlog.source.http;

import java.io.IOException;
import java.net.URI;

/** Fetches listing pages; the seam between the crawl's rules and the network. */
public interface PageFetcher {

    /**
     * Fetches {@code url}, following only the redirects that stay under the crawl root.
     *
     * @throws IOException with a one-line message naming the URL when the page cannot be had (network
     *                     error, a redirect out of the root, a body over the size cap); the message
     *                     never contains a request header value
     */
    Page fetch(URI url) throws IOException;
}
