package dev.sumlog.source.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@link HttpPageFetcher} talks to a server.
 *
 * @param connectTimeout connection timeout
 * @param requestTimeout timeout for one request, headers and body
 * @param userAgent      the User-Agent header
 * @param headers        extra request headers (e.g. Authorization); their values are treated as
 *                       secrets and never appear in {@link #toString()} or any message
 * @param proxy          an HTTP proxy, or empty for a direct connection
 * @param maxBodyBytes   the largest listing page read; larger pages are refused
 * @param maxRedirects   redirect hops followed for one page
 */
public record HttpFetchSettings(Duration connectTimeout, Duration requestTimeout, String userAgent,
        Map<String, String> headers, Optional<InetSocketAddress> proxy, int maxBodyBytes, int maxRedirects) {

    /** 16 MiB holds a 10,000-row Apache table (~250 bytes a row) several times over. */
    public static final int DEFAULT_MAX_BODY = 16 << 20;

    public HttpFetchSettings {
        headers = Map.copyOf(headers);
        if (maxBodyBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive and maxRedirects not negative");
        }
    }

    public static HttpFetchSettings defaults() {
        return new HttpFetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), "sumlog (release-archive crawler)",
                Map.of(), Optional.empty(), DEFAULT_MAX_BODY, 5);
    }

    public HttpFetchSettings withHeaders(Map<String, String> extra) {
        return new HttpFetchSettings(connectTimeout, requestTimeout, userAgent, extra, proxy, maxBodyBytes, maxRedirects);
    }

    public HttpFetchSettings withProxy(InetSocketAddress address) {
        return new HttpFetchSettings(connectTimeout, requestTimeout, userAgent, headers, Optional.of(address), maxBodyBytes,
                maxRedirects);
    }

    public HttpFetchSettings withMaxBodyBytes(int bytes) {
        return new HttpFetchSettings(connectTimeout, requestTimeout, userAgent, headers, proxy, bytes, maxRedirects);
    }

    /** Header names only: the values may be credentials. */
    @Override
    public String toString() {
        Map<String, String> redacted = new TreeMap<>();
        headers.keySet().forEach(name -> redacted.put(name, "***"));
        return "HttpFetchSettings[connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", userAgent="
                + userAgent + ", headers=" + redacted + ", proxy=" + proxy + ", maxBodyBytes=" + maxBodyBytes
                + ", maxRedirects=" + maxRedirects + "]";
    }
}
