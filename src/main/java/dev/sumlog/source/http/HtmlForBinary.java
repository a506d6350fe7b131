package dev.sumlog.source.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises an HTML page served in place of a binary file: a login page, a captive portal, a
 * "not found" page with status 200, or a mirror's index.html. Such a body would otherwise be hashed
 * and logged as the release.
 *
 * <p>Only names that end with an archive or binary suffix are checked, so README.html, index files and
 * checksum lists pass whatever their content.
 */
final class HtmlForBinary {

    /** Bytes of the body looked at; the body is never held beyond this. */
    static final int PEEK = 1024;

    private static final List<String> BINARY_SUFFIXES = List.of(".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
            ".txz", ".zip", ".whl", ".gz", ".bz2", ".xz", ".jar", ".egg", ".sig");

    private static final List<String> HTML_STARTS = List.of("<!doctype html", "<html", "<head", "<body");

    private HtmlForBinary() {
    }

    static boolean isBinaryName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return BINARY_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Why the Content-Type says HTML, or empty. Parameters such as charset are ignored. */
    static Optional<String> byContentType(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("text/html") ? Optional.of("Content-Type text/html") : Optional.empty();
    }

    /**
     * Why the first bytes of a body look like HTML, or empty: after an optional UTF-8 byte order mark
     * and whitespace, one of {@code <!doctype html}, {@code <html}, {@code <head}, {@code <body}, in
     * any case.
     */
    static Optional<String> byFirstBytes(byte[] peek, int length) {
        int i = 0;
        if (length >= 3 && (peek[0] & 0xff) == 0xef && (peek[1] & 0xff) == 0xbb && (peek[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < length && isWhitespace(peek[i])) {
            i++;
        }
        String start = new String(peek, i, Math.min(length - i, 16), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String html : HTML_STARTS) {
            if (start.startsWith(html)) {
                return Optional.of("body starts with " + html);
            }
        }
        return Optional.empty();
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
    }
}
