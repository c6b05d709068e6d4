package io.kompat.index.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How long to wait before the next attempt at a request the server answered with 429 or 5xx. */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The server's {@code Retry-After} when it is at most {@code longest}, else null (do not wait: fail);
     * without the header, an exponential back-off from 200 ms.
     */
    static Duration delay(String retryAfter, int attempt, Duration longest) {
        if (retryAfter != null) {
            Duration asked = parse(retryAfter.strip());
            if (asked != null) {
                return asked.compareTo(longest) <= 0 ? asked : null;
            }
        }
        return Duration.ofMillis(200L << (attempt - 1));
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when it is neither. */
    static Duration parse(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
