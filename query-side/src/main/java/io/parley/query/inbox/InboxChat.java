package io.parley.query.inbox;

import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;

import io.parley.shared.query.RatingView;

import java.time.Instant;
import java.util.List;

/** A chat's inbox row, handed out of the package as a value. {@code version} is the last event applied;
 * {@code queuedAt} is since when it waits for an agent (null while it does not). */
public record InboxChat(String chatId,
                        String ticketNumber,
                        String subject,
                        String category,
                        Priority priority,
                        ChatStatus status,
                        String customerId,
                        String customerType,
                        String customerName,
                        String customerEmail,
                        String agentId,
                        String agentName,
                        Instant createdAt,
                        Instant updatedAt,
                        Instant resolvedAt,
                        Instant closedAt,
                        String resolutionSummary,
                        List<String> tags,
                        RatingView rating,
                        long lastSeq,
                        long version,
                        Instant queuedAt) {
}
