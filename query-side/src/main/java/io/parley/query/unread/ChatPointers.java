package io.parley.query.unread;

import io.parley.shared.ChatStatus;
import io.parley.shared.Side;

/** A chat's read pointers handed out of the package as a value; unread counts derive from it. */
public record ChatPointers(String chatId,
                           String customerId,
                           String agentId,
                           ChatStatus status,
                           long lastSeq,
                           long customerPointer,
                           long staffPointer,
                           long version) {

    /** Messages the side has not seen yet. */
    public long unread(Side side) {
        long pointer = side == Side.CUSTOMER ? customerPointer : staffPointer;
        return Math.max(0, lastSeq - pointer);
    }
}
