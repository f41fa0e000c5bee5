package io.parley.query.transcript;

import io.parley.shared.error.ChatRejectedException;

import java.util.Locale;

/** The formats a transcript downloads in: its file extension, content type and writer. */
enum TranscriptFormat {
    JSON("json", "application/json"),
    CSV("csv", "text/csv; charset=UTF-8"),
    TXT("txt", "text/plain; charset=UTF-8");

    final String extension;
    final String contentType;

    TranscriptFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** Absent: JSON. Anything but json, csv or txt is the caller's mistake. */
    static TranscriptFormat parse(String wire) {
        if (wire == null) return JSON;
        for (TranscriptFormat format : values()) {
            if (format.extension.equals(wire.toLowerCase(Locale.ROOT))) return format;
        }
        throw ChatRejectedException.invalid("format", "INVALID_FORMAT", "format must be one of json, csv, txt");
    }

    TranscriptWriter writer(java.io.OutputStream out, com.fasterxml.jackson.databind.ObjectMapper json)
            throws java.io.IOException {
        return switch (this) {
            case JSON -> new JsonTranscript(out, json);
            case CSV -> new CsvTranscript(out);
            case TXT -> new TextTranscript(out);
        };
    }
}
