package io.parley.shared;

import java.util.Locale;
import java.util.Optional;

/** How urgent a ticket is; {@code medium} unless the customer says otherwise. */
public enum Priority {
    LOW, MEDIUM, HIGH, URGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Priority> fromWire(String value) {
        return WireEnums.parse(Priority.class, value);
    }
}
