package dev.sumlog.source.http;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Pieces of {@link DownloadException} messages. A message names URLs, statuses, byte counts and the
 * kind of failure; it never quotes a request header, and the JDK's own exception messages it quotes
 * carry none either.
 */
final class DownloadMessages {

    private DownloadMessages() {
    }

    /** {@code "GET <url>: "}, or {@code "GET <url> -> <hop>: "} once a redirect was followed. */
    static String prefix(URI requested, URI current) {
        return "GET " + safe(requested) + (current.equals(requested) ? "" : " -> " + safe(current)) + ": ";
    }

    /** "1 s", "1.5 s" or "250 ms". */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The exception's kind and its message on one line, e.g. "ConnectException: Connection refused". */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + OneLine.of(message));
    }

    /** The URL with any user info masked: it may be a password. */
    static String safe(URI uri) {
        String userInfo = uri.getRawUserInfo();
        return userInfo == null ? uri.toString() : uri.toString().replace(userInfo + "@", "***@");
    }
}
