package io.parley.shared;

import java.util.Locale;
import java.util.Optional;

/** A ticket's life cycle: open → in_progress ↔ pending → resolved → closed (see the contract's status table). */
public enum ChatStatus {
    OPEN, IN_PROGRESS, PENDING, RESOLVED, CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open, in progress or pending: the customer still waits for an outcome. */
    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS || this == PENDING;
    }

    public static Optional<ChatStatus> fromWire(String value) {
        return WireEnums.parse(ChatStatus.class, value);
    }
}
