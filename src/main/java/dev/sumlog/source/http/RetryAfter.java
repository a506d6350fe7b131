package dev.sumlog.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a Retry-After header (RFC 9110 section 10.2.3): delay seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay the header asks for, never negative; empty when absent or unreadable (then normal backoff applies). */
    static Optional<Duration> parse(Optional<String> header, Clock clock) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // Over 10 digits is still "a long time": any cap (maxBackoff) is far below it.
            return Optional.of(Duration.ofSeconds(value.length() > 10 ? Long.MAX_VALUE / 1_000_000_000L : Long.parseLong(value)));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), when.toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
