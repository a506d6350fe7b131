package dev.sumlog.source.http;

import java.net.URI;

/**
 * A fetched listing page.
 *
 * @param requested   the URL asked for
 * @param finalUrl    the URL that answered after redirects (relative links resolve against it); a
 *                    {@link PageFetcher} only follows redirects its {@link RootScope} allows
 * @param status      the final HTTP status
 * @param contentType the Content-Type header, "" when absent
 * @param body        the body, never larger than the fetcher's cap
 */
public record Page(URI requested, URI finalUrl, int status, String contentType, byte[] body) {
}
