package io.parley.query.transcript;

import io.parley.shared.query.MediaView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Values as a transcript's text formats show them. */
final class Cells {
    /** The contract's time format: ISO-8601 UTC with milliseconds. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Cells() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String attachments(List<MediaView> media) {
        if (media == null || media.isEmpty()) return "";
        return media.stream().map(m -> m.name() + " (" + m.url() + ")").collect(Collectors.joining("; "));
    }

    /**
     * A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
     * prefixed with an apostrophe, as OWASP advises: the text stays readable and is never executed.
     */
    static String inert(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + value : value;
    }
}
