package dev.sumlog.source.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size and date columns of listings. Only exact byte counts are kept: mod_autoindex prints
 * sizes of 973 bytes and more rounded ("9.6M"), and a rounded size is no use to a hash catalog.
 */
final class ListingFields {

    private static final Pattern EXACT = Pattern.compile("\\d{1,18}");
    private static final Pattern SIZE = Pattern.compile("-|\\d{1,18}|\\d+(?:\\.\\d+)?[KMGTPE]i?B?", Pattern.CASE_INSENSITIVE);

    /**
     * Dates seen in the wild, each with the shape that selects it (so a cell is parsed at most once: a
     * failed parse throws, and 10,000 rows of failed tries cost seconds): Apache 2.4, Apache 2.2 and
     * nginx, lighttpd; with or without seconds.
     */
    private static final List<Map.Entry<Pattern, DateTimeFormatter>> DATES = List.of(
            Map.entry(Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?"),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT)),
            Map.entry(Pattern.compile("\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}(?::\\d{2})?"),
                    DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm[:ss]", Locale.ENGLISH)),
            Map.entry(Pattern.compile("\\d{4}-[A-Za-z]{3}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?"),
                    DateTimeFormatter.ofPattern("yyyy-MMM-dd HH:mm[:ss]", Locale.ENGLISH)));

    /** A date then a size after a link in a {@code <pre>} listing (Apache fancy, nginx). */
    private static final Pattern PRE_LINE = Pattern.compile(
            "\\s*(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?|\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}(?::\\d{2})?)\\s+(\\S+)");

    private ListingFields() {
    }

    /** Whether the text is a size column value ("-", "228", "9.6M"), exact or not. */
    static boolean isSize(String text) {
        return SIZE.matcher(text.strip()).matches();
    }

    static OptionalLong exactSize(String text) {
        String t = text.strip();
        return EXACT.matcher(t).matches() ? OptionalLong.of(Long.parseLong(t)) : OptionalLong.empty();
    }

    static Optional<Instant> date(String text) {
        String t = text.strip();
        for (Map.Entry<Pattern, DateTimeFormatter> dialect : DATES) {
            if (dialect.getKey().matcher(t).matches()) {
                try {
                    return Optional.of(LocalDateTime.parse(t, dialect.getValue()).toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e) {
                    return Optional.empty(); // the shape of a date but not a real one (month 13)
                }
            }
        }
        return Optional.empty();
    }

    /** nginx JSON's mtime, e.g. {@code Fri, 09 Oct 2015 16:12:00 GMT}. */
    static Optional<Instant> httpDate(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Date and exact size from the text that follows a link on its line in a {@code <pre>} listing. */
    static Columns afterLink(String text) {
        int newline = text.indexOf('\n');
        Matcher m = PRE_LINE.matcher(newline < 0 ? text : text.substring(0, newline));
        if (!m.lookingAt()) {
            return Columns.NONE;
        }
        return new Columns(exactSize(m.group(2)), date(m.group(1)));
    }

    record Columns(OptionalLong size, Optional<Instant> modified) {
        static final Columns NONE = new Columns(OptionalLong.empty(), Optional.empty());
    }
}
