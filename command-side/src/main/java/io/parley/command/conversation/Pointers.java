package io.parley.command.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.parley.shared.Side;

import java.time.Instant;
import java.util.Objects;

/** "Up to seq N" pointers of both sides, with the time each last moved. Only ever moves forward. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Pointers {
    private long customer;
    private long staff;
    private Instant customerAt;
    private Instant staffAt;

    long of(Side side) {
        return side == Side.CUSTOMER ? customer : staff;
    }

    Instant at(Side side) {
        return side == Side.CUSTOMER ? customerAt : staffAt;
    }

    void move(Side side, long upTo, Instant at) {
        if (upTo <= of(side)) return;
        if (side == Side.CUSTOMER) {
            customer = upTo;
            customerAt = at;
        } else {
            staff = upTo;
            staffAt = at;
        }
    }

    /** A side has seen its own message. */
    void advanceOwn(Side side, long seq, Instant at) {
        move(side, seq, at);
    }

    /** A system notice counts as seen by a side that had seen everything before it. */
    void advanceIfCaughtUp(long seq, Instant at) {
        for (Side side : Side.values()) {
            if (of(side) == seq - 1) move(side, seq, at);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pointers p && customer == p.customer && staff == p.staff
                && Objects.equals(customerAt, p.customerAt) && Objects.equals(staffAt, p.staffAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customer, staff, customerAt, staffAt);
    }
}
