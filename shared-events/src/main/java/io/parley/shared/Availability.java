package io.parley.shared;

import java.util.Locale;
import java.util.Optional;

/** Whether an agent takes new work: a business fact they set, unlike presence (whether a socket is connected). */
public enum Availability {
    ONLINE, BUSY, AWAY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Availability> fromWire(String value) {
        return WireEnums.parse(Availability.class, value);
    }
}
