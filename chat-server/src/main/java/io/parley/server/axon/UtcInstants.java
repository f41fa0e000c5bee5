package io.parley.server.axon;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants Parley stores: {@code 2026-12-03T17:42:33.251Z}, UTC, with 0 to 9 fraction digits, as Axon's
 * event table and the events' JSON write them. Java 17's {@code Instant.parse} builds a new formatter for every
 * call; with two instants per event it was an eighth of a replay's CPU. Anything else (an offset, a leap second, a
 * year beyond four digits) goes to {@code Instant.parse}, which also words the error.
 */
final class UtcInstants {
    private UtcInstants() {
    }

    static Instant parse(CharSequence text) {
        Instant instant = commonForm(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** The instant, or null when the text is not in the common form. */
    static Instant commonForm(CharSequence text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') return null;
        if (text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') return null;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) return null;
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) return null;
            nanos = digits(text, 20, fractionDigits);
            if (nanos < 0) return null;
            for (int i = fractionDigits; i < 9; i++) nanos *= 10;
        } else if (text.charAt(19) != 'Z') {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null; // e.g. 2026-02-30: Instant.parse words the error
        }
    }

    /** The decimal value of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

}
