package io.parley.query.inbox;

import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;

import java.util.Set;

/**
 * What an inbox listing is narrowed to; null or empty means "any". {@code unassigned} asks for chats nobody
 * holds (and then {@code agentId} is ignored). {@code text} is matched case-insensitively as a substring of
 * ticket number, subject, customer name and customer email; with {@code searchMessages} (staff only) it may
 * also be a word said in the chat by the customer or staff (never a system notice). {@code tag}: a tag the chat
 * carries, as stored (normalized).
 */
public record InboxFilter(Set<ChatStatus> statuses,
                          String agentId,
                          boolean unassigned,
                          String customerId,
                          Priority priority,
                          String category,
                          String text,
                          String tag,
                          boolean searchMessages) {

    public InboxFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** A filter without a tag that does not search message text. */
    public InboxFilter(Set<ChatStatus> statuses, String agentId, boolean unassigned, String customerId,
                       Priority priority, String category, String text) {
        this(statuses, agentId, unassigned, customerId, priority, category, text, null, false);
    }

    /** Every chat of one customer. */
    public static InboxFilter customer(String customerId) {
        return new InboxFilter(Set.of(), null, false, customerId, null, null, null);
    }
}
