package io.parley.shared.command;

import io.parley.shared.ChatStatus;
import io.parley.shared.Role;
import io.parley.shared.Side;

/**
 * A chat's decision state right after a command, as the aggregate holds it: what the pushes of that command
 * (inbox updates, unread counts) need, so they are built from the commit and never wait for a read model.
 * {@code version} is the aggregate version that includes the command's events.
 */
public record ChatState(String chatId,
                        String ticketNumber,
                        String customerId,
                        Role customerRole,
                        ChatStatus status,
                        String agentId,
                        String agentName,
                        long lastSeq,
                        long customerReadSeq,
                        long staffReadSeq,
                        long version) {

    /** Unread = last seq − the side's read pointer, the same rule the unread read model applies. */
    public long unreadFor(Side side) {
        return lastSeq - (side == Side.CUSTOMER ? customerReadSeq : staffReadSeq);
    }

    /** A command result that tells the chat's state after the command. */
    public interface Carrier {
        ChatState state();
    }
}
