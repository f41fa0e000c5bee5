package io.parley.shared.query;

import java.time.Instant;

/**
 * A chat (ticket) as the contract shows it; {@code unreadCount} is for the viewer's side. {@code queuePosition}
 * (1 = next) while the chat waits for auto-assignment, else null.
 */
public record ChatView(String id,
                       String ticketNumber,
                       String subject,
                       String status,
                       String priority,
                       String category,
                       CustomerView customer,
                       AgentRef assignedAgent,
                       Instant createdAt,
                       Instant updatedAt,
                       MessageView lastMessage,
                       long unreadCount,
                       Instant resolvedAt,
                       Instant closedAt,
                       String resolutionSummary,
                       Integer queuePosition) {
}
