package dev.sumlog.source.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one index-listing page into a {@link Listing}, detecting the dialect: nginx JSON by content
 * type or a leading '[', otherwise HTML ({@link HtmlListingParser}). Never throws on bad input: a
 * page that is not a listing yields no entries and one {@link Skipped} that says why.
 */
public final class ListingParser {

    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private ListingParser() {
    }

    /** Parses the whole page. */
    public static Listing parse(URI pageUrl, String contentType, byte[] body) {
        return parse(pageUrl, contentType, body, Integer.MAX_VALUE);
    }

    /**
     * Parses at most {@code maxLinks} links (every href counts, navigation included); when the page has
     * more, the listing's skipped items say how many there were.
     *
     * @param pageUrl the page's final URL after redirects: relative hrefs resolve against it
     */
    public static Listing parse(URI pageUrl, String contentType, byte[] body, int maxLinks) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || (!type.contains("html") && startsWithBracket(body))) {
            return JsonListingParser.parse(pageUrl, body, maxLinks);
        }
        return HtmlListingParser.parse(pageUrl, charset(contentType), body, maxLinks);
    }

    private static boolean startsWithBracket(byte[] body) {
        for (byte b : body) {
            if (b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }

    /** The charset the Content-Type names when the JVM knows it; null lets jsoup sniff (meta tag, else UTF-8). */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1)).name();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
