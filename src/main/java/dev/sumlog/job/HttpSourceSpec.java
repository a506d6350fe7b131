package dev.sumlog.job;

import dev.sumlog.source.http.CrawlBounds;
import dev.sumlog.source.http.HttpFetchSettings;
import java.net.URI;
import java.time.Duration;

/**
 * An archive read over HTTP: the listing root and how it is fetched.
 *
 * @param root        the canonical root URL of the listing (ends with '/'); nothing outside it is requested
 * @param fetch       timeouts, User-Agent, extra headers (secrets) and proxy, for listings and downloads
 * @param bounds      depth, page and link caps of the crawl
 * @param concurrency downloads at once
 * @param rate        requests per second per host
 * @param burst       requests that may go at once within the rate
 * @param attempts    tries per request (5xx, timeouts and stalls are retried with backoff)
 * @param readTimeout a body that sends no byte for this long is abandoned
 */
public record HttpSourceSpec(URI root, HttpFetchSettings fetch, CrawlBounds bounds, int concurrency, double rate,
                             int burst, int attempts, Duration readTimeout) {
}
