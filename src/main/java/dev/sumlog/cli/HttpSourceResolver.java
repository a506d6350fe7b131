package dev.sumlog.cli;

import dev.sumlog.job.HttpSourceSpec;
import dev.sumlog.source.http.CrawlBounds;
import dev.sumlog.source.http.HttpFetchSettings;
import dev.sumlog.source.http.RootScope;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an http(s) {@code source} and the job file's {@code http:} block into an {@link HttpSourceSpec},
 * with defaults, and checks each field, naming it in a one-line error. Header values are secrets: no
 * message quotes one.
 */
final class HttpSourceResolver {

    static final int DEFAULT_CONCURRENCY = 4;
    static final double DEFAULT_RATE = 5;
    static final int DEFAULT_ATTEMPTS = 4;
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private final String origin;
    private final Map<String, String> environment;

    HttpSourceResolver(String origin, Map<String, String> environment) {
        this.origin = origin;
        this.environment = environment;
    }

    static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    HttpSourceSpec resolve(String source, JobFile.HttpConfig given) {
        URI root;
        try {
            root = new RootScope(new URI(source)).root();
        } catch (URISyntaxException e) {
            throw new UsageException(origin + ": field 'source': not a URL: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + ": field 'source': " + e.getMessage());
        }
        JobFile.HttpConfig http = given != null ? given
                : new JobFile.HttpConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
        HttpFetchSettings defaults = HttpFetchSettings.defaults();
        HttpFetchSettings fetch = new HttpFetchSettings(
                positive("http.connect-timeout", pick(http.connectTimeout(), defaults.connectTimeout())),
                positive("http.timeout", pick(http.timeout(), defaults.requestTimeout())),
                userAgent(pick(http.userAgent(), defaults.userAgent())),
                headers(http.headers()),
                proxy(http.proxy()), defaults.maxBodyBytes(), defaults.maxRedirects());
        CrawlBounds bounds = new CrawlBounds(
                atLeast("http.max-depth", pick(http.maxDepth(), CrawlBounds.DEFAULTS.maxDepth()), 0),
                atLeast("http.max-pages", pick(http.maxPages(), CrawlBounds.DEFAULTS.maxPages()), 1),
                atLeast("http.max-links", pick(http.maxLinks(), CrawlBounds.DEFAULTS.maxLinksPerPage()), 1));
        double rate = pick(http.rate(), DEFAULT_RATE);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException(origin + ": field 'http.rate': must be a number > 0 (requests per second per host), was "
                    + rate);
        }
        int concurrency = atLeast("http.concurrency", pick(http.concurrency(), DEFAULT_CONCURRENCY), 1);
        return new HttpSourceSpec(root, fetch, bounds, concurrency, rate,
                atLeast("http.burst", pick(http.burst(), concurrency), 1),
                atLeast("http.attempts", pick(http.attempts(), DEFAULT_ATTEMPTS), 1),
                positive("http.read-timeout", pick(http.readTimeout(), DEFAULT_READ_TIMEOUT)));
    }

    private Map<String, String> headers(Map<String, String> given) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (given == null) {
            return headers;
        }
        for (Map.Entry<String, String> header : given.entrySet()) {
            String name = header.getKey();
            if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new UsageException(origin + ": field 'http.headers." + name + "': not a valid header name");
            }
            if (Map.of("host", 1, "content-length", 1, "connection", 1, "user-agent", 1).containsKey(name.toLowerCase(Locale.ROOT))) {
                throw new UsageException(origin + ": field 'http.headers." + name + "': this header cannot be set here"
                        + (name.equalsIgnoreCase("user-agent") ? " (use http.user-agent)" : ""));
            }
            String value = header.getValue() == null ? "" : header.getValue();
            if (value.startsWith("env:")) {
                String variable = value.substring(4);
                value = environment.get(variable);
                if (value == null || value.isEmpty()) {
                    throw new UsageException(origin + ": field 'http.headers." + name + "': environment variable "
                            + variable + " is not set");
                }
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new UsageException(origin + ": field 'http.headers." + name + "': the value holds a line break");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private Optional<InetSocketAddress> proxy(String proxy) {
        if (proxy == null || proxy.isBlank()) {
            return Optional.empty();
        }
        int colon = proxy.lastIndexOf(':');
        try {
            int port = Integer.parseInt(proxy.substring(colon + 1));
            if (colon < 1 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return Optional.of(InetSocketAddress.createUnresolved(proxy.substring(0, colon), port));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new UsageException(origin + ": field 'http.proxy': must be host:port, was '" + proxy + "'");
        }
    }

    private String userAgent(String agent) {
        if (agent.isBlank() || agent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new UsageException(origin + ": field 'http.user-agent': must be one line of printable text");
        }
        return agent;
    }

    private Duration positive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new UsageException(origin + ": field '" + field + "': must be a positive duration, was " + value);
        }
        return value;
    }

    private int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new UsageException(origin + ": field '" + field + "': must be >= " + min + ", was " + value);
        }
        return value;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
