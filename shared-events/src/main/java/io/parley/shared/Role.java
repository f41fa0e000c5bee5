package io.parley.shared;

import java.util.Locale;
import java.util.Optional;

/** Who someone is in Parley; the wire form is the lowercase name ({@code user}, {@code guest} …). */
public enum Role {
    USER, GUEST, AGENT, ADMIN, AUDITOR, SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStaff() {
        return this == AGENT || this == ADMIN;
    }

    public boolean isCustomer() {
        return this == USER || this == GUEST;
    }

    /** The side of a conversation this role speaks for, empty for auditors and the system. */
    public Optional<Side> side() {
        if (isCustomer()) return Optional.of(Side.CUSTOMER);
        if (isStaff()) return Optional.of(Side.STAFF);
        return Optional.empty();
    }

    public static Optional<Role> fromWire(String value) {
        return WireEnums.parse(Role.class, value);
    }
}
