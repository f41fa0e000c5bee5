package io.parley.shared;

import java.util.Locale;
import java.util.Optional;

/** Parses the lowercase wire form of Parley's enums ({@code in_progress} → {@code IN_PROGRESS}). */
public final class WireEnums {
    private WireEnums() {
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
