package dev.sumlog.source.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves an href against the page it is on and puts the result in canonical form, or says why
 * the href cannot be followed at all. Whether the target lies under the crawl root is
 * {@link RootScope}'s question; this class only answers "what URL does this link name?".
 *
 * <p>Canonical form: lower-case scheme and host, no default port, no user info, query or fragment,
 * dot segments removed AFTER percent-decoding (so {@code %2e%2e} counts as {@code ..}, as it does on
 * many servers), and each segment re-encoded by {@link PathSegments#encode}. Two hrefs that name the
 * same resource therefore give equal URIs, which is what de-duplication by URL relies on.
 */
final class Links {

    /** mod_autoindex's own query arguments: sort column and order, format, version sort, pattern. */
    private static final Pattern INDEX_QUERY = Pattern.compile("[COFVP]=[^;&]*(?:[;&][COFVP]=[^;&]*)*");

    /** The scheme and authority of an absolute or scheme-relative href, to find '//' in the path after it. */
    private static final Pattern AUTHORITY = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/]*");

    private Links() {
    }

    /** A link resolved to a canonical URL. {@code segments} are decoded; the last is the entry name. */
    record Resolved(URI url, String scheme, String host, int port, List<String> segments, boolean directory) {

        String name() {
            return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        }

        /** Same scheme, host and port. */
        boolean sameOrigin(Resolved other) {
            return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
        }

        /** Whether this is {@code other} or a directory above it on the same origin. */
        boolean isAncestorOrSelf(Resolved other) {
            return sameOrigin(other) && other.segments.size() >= segments.size()
                    && other.segments.subList(0, segments.size()).equals(segments);
        }
    }

    /** Either a {@link Resolved} link or the reason it has none. */
    record Result(Resolved link, Skipped rejection) {

        static Result rejected(String href, String reason, boolean navigation) {
            return new Result(null, new Skipped(href, reason, navigation));
        }
    }

    /** Canonical form of an absolute URL (a root, a page, a redirect target). */
    static Result canonical(URI absolute) {
        return resolve(absolute, absolute.toString());
    }

    static Result resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return Result.rejected(String.valueOf(href), "empty link", false);
        }
        String trimmed = href.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\') {
                return Result.rejected(href, "backslash in link (some servers read it as '/'); not followed", false);
            }
            if (c < 0x20 || c == 0x7f) {
                return Result.rejected(href, "control character in link", false);
            }
        }
        int hash = trimmed.indexOf('#');
        int query = trimmed.indexOf('?');
        if (query >= 0 && (hash < 0 || query < hash)) {
            String q = trimmed.substring(query + 1, hash < 0 ? trimmed.length() : hash);
            boolean sort = query == 0 && INDEX_QUERY.matcher(q).matches();
            return Result.rejected(href, sort ? "sort or format link of the index" : "link with a query string", sort);
        }
        if (hash >= 0) {
            return Result.rejected(href, hash == 0 ? "in-page anchor" : "link with a fragment", hash == 0);
        }
        if (AUTHORITY.matcher(trimmed).replaceFirst("").contains("//")) {
            // java.net.URI would quietly collapse it; a server may not, so "a//b" is not "a/b" to us.
            return Result.rejected(href, "empty path segment ('//') in link", false);
        }
        URI uri;
        try {
            uri = base.resolve(new URI(quoteIllegal(trimmed)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Result.rejected(href, "malformed link", false);
        }
        return canonicalise(href, uri);
    }

    private static Result canonicalise(String href, URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Result.rejected(href, "other scheme '" + scheme + "'", false);
        }
        if (uri.getRawUserInfo() != null) {
            return Result.rejected(href, "link carries user info", false);
        }
        if (uri.getHost() == null) {
            return Result.rejected(href, "link has no usable host", false);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String[] raw = rawPath.split("/", -1);
        List<String> segments = new ArrayList<>();
        boolean directory = true;
        for (int i = 1; i < raw.length; i++) {
            boolean last = i == raw.length - 1;
            if (raw[i].isEmpty() && !last) {
                return Result.rejected(href, "empty path segment ('//') in link", false);
            }
            String segment;
            try {
                segment = PathSegments.decode(raw[i]);
            } catch (IllegalArgumentException e) {
                return Result.rejected(href, e.getMessage(), false);
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\0') >= 0) {
                return Result.rejected(href, "encoded '/' or NUL in a name", false);
            }
            directory = last && segment.isEmpty() || segment.equals(".") || segment.equals("..");
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Result.rejected(href, "'..' escapes above the server root", false);
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return new Result(new Resolved(build(scheme, host, port, segments, directory), scheme, host, port,
                List.copyOf(segments), directory), null);
    }

    static URI build(String scheme, String host, int port, List<String> segments, boolean directory) {
        StringBuilder url = new StringBuilder(scheme).append("://").append(host);
        if (port != (scheme.equals("https") ? 443 : 80)) {
            url.append(':').append(port);
        }
        for (String segment : segments) {
            url.append('/').append(PathSegments.encode(segment));
        }
        if (directory || segments.isEmpty()) {
            url.append('/');
        }
        return URI.create(url.toString());
    }

    /**
     * Percent-encodes what browsers also encode before resolving (spaces, non-ASCII, quotes, braces),
     * so a sloppy but unambiguous href still resolves; a '%' is left alone and must start a valid escape.
     */
    private static String quoteIllegal(String href) {
        StringBuilder out = new StringBuilder(href.length());
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c > 0x20 && c < 0x7f && "\"<>^`{|}".indexOf(c) < 0) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < href.length() ? i + 2 : i + 1;
                for (byte b : href.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }
}
