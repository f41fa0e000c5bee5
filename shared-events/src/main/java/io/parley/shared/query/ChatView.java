package io.parley.shared.query;

import java.time.Instant;

/** A chat (ticket) as the contract shows it; {@code unreadCount} is for the viewer's side. */
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
                       String resolutionSummary) {
}
