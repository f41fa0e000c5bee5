package io.parley.query.analytics;

import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.FetchAnalyticsSummaryQuery;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The request's window and filters, checked: {@code from} and {@code to} are ISO-8601 instants with an offset or
 * dates (a date {@code from} is the start of that UTC day, a date {@code to} the end of it, so both dates are
 * included); {@code to} defaults to now and {@code from} to 30 days before {@code to}.
 */
final class SummaryWindow {
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    private static final int MAX_ID = 64;
    /** Times both databases store alike: years 1 to 9999, and the end of 9999 for an inclusive last date. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private SummaryWindow() {
    }

    static FetchAnalyticsSummaryQuery of(String from, String to, String agentId, String category, Clock clock) {
        Instant end = to == null ? clock.instant() : time("to", to, true);
        Instant start = from == null ? latest(EARLIEST, end.minus(DEFAULT_SPAN)) : time("from", from, false);
        if (start.isAfter(end)) {
            throw ChatRejectedException.invalid("from", "INVALID_WINDOW", "from must not be after to");
        }
        return new FetchAnalyticsSummaryQuery(start, end, text("agentId", agentId), text("category", category));
    }

    private static Instant time(String field, String value, boolean endOfDay) {
        try {
            Instant at;
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                at = (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                at = OffsetDateTime.parse(value).toInstant();
            }
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) throw new ArithmeticException("out of range");
            return at;
        } catch (ArithmeticException | DateTimeException e) {
            throw ChatRejectedException.invalid(field, "INVALID_TIME", field
                    + " must be an ISO-8601 date (2026-11-21) or time with offset (2026-11-21T10:30:00Z)");
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String text(String field, String value) {
        if (value == null || value.isEmpty()) return null;
        if (value.length() > MAX_ID || value.isBlank()) {
            throw ChatRejectedException.invalid(field, "INVALID_VALUE", field + " must be 1 to 64 characters");
        }
        return value;
    }
}
