package io.parley.shared.query;

import java.time.Instant;
import java.util.List;

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
                       List<String> tags,
                       RatingView rating,
                       Integer queuePosition) {

    public ChatView {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A chat without tags or rating, as a chat's start knows it. */
    public ChatView(String id, String ticketNumber, String subject, String status, String priority, String category,
                    CustomerView customer, AgentRef assignedAgent, Instant createdAt, Instant updatedAt,
                    MessageView lastMessage, long unreadCount, Instant resolvedAt, Instant closedAt,
                    String resolutionSummary) {
        this(id, ticketNumber, subject, status, priority, category, customer, assignedAgent, createdAt, updatedAt,
                lastMessage, unreadCount, resolvedAt, closedAt, resolutionSummary, List.of(), null, null);
    }

    /** A chat that waits for nobody's queue: no position (folds of events, pushes). */
    public ChatView(String id, String ticketNumber, String subject, String status, String priority, String category,
                    CustomerView customer, AgentRef assignedAgent, Instant createdAt, Instant updatedAt,
                    MessageView lastMessage, long unreadCount, Instant resolvedAt, Instant closedAt,
                    String resolutionSummary, List<String> tags, RatingView rating) {
        this(id, ticketNumber, subject, status, priority, category, customer, assignedAgent, createdAt, updatedAt,
                lastMessage, unreadCount, resolvedAt, closedAt, resolutionSummary, tags, rating, null);
    }
}
