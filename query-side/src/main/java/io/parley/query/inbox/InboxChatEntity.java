package io.parley.query.inbox;

import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.parley.shared.query.RatingView;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One chat as the inbox lists and filters it. */
@Entity
@Table(name = "inbox_chat")
class InboxChatEntity {
    static final String FIELD_SEPARATOR = "\u001f";

    @Id
    String chatId;
    String ticketNumber;
    String subject;
    String category;
    @Enumerated(EnumType.STRING)
    Priority priority;
    @Enumerated(EnumType.STRING)
    ChatStatus status;
    String customerId;
    String customerType;
    String customerName;
    String customerEmail;
    String agentId;
    String agentName;
    Instant createdAt;
    Instant updatedAt;
    Instant resolvedAt;
    Instant closedAt;
    String resolutionSummary;
    /** The chat's tags as {@link TagColumn} stores them: {@code |a|b|}, or null for none. */
    String tags;
    Integer ratingScore;
    String ratingComment;
    Instant ratedAt;
    long lastSeq;
    long version;
    /** Since when the chat waits for an agent (active and held by nobody); null while it does not. */
    Instant queuedAt;

    protected InboxChatEntity() {
        // for JPA
    }

    InboxChatEntity(String chatId, long version, Instant at) {
        this.chatId = chatId;
        this.status = ChatStatus.OPEN;
        this.priority = Priority.MEDIUM;
        this.createdAt = at;
        this.updatedAt = at;
        this.version = version;
        this.queuedAt = at;
    }

    /** Replays and redeliveries bring events this row already reflects; those change nothing. */
    boolean isNew(long sequenceNumber) {
        return sequenceNumber > version;
    }

    /** Every event of the chat counts as activity and moves the version. */
    void touch(long sequenceNumber, Instant at) {
        version = sequenceNumber;
        if (at != null && (updatedAt == null || at.isAfter(updatedAt))) updatedAt = at;
    }

    /** After any change: a chat starts waiting when it becomes active and unheld, and stops when it is not. */
    void queue(Instant at) {
        boolean waits = agentId == null && status != null && status.isActive();
        if (!waits) queuedAt = null;
        else if (queuedAt == null) queuedAt = at;
    }

    void statusChanged(ChatStatus next, String summary, Instant at) {
        if (next == ChatStatus.RESOLVED) {
            resolvedAt = at;
            if (hasText(summary)) resolutionSummary = summary;
        } else if (status == ChatStatus.RESOLVED) {
            // Reopened: the earlier resolution no longer describes the chat.
            resolvedAt = null;
            resolutionSummary = null;
        }
        status = next;
    }

    void closed(String summary, Instant at) {
        status = ChatStatus.CLOSED;
        closedAt = at;
        if (hasText(summary)) resolutionSummary = summary;
    }

    InboxChat toValue() {
        return new InboxChat(chatId, ticketNumber, subject, category, priority, status, customerId, customerType,
                customerName, customerEmail, agentId, agentName, createdAt, updatedAt, resolvedAt, closedAt,
                resolutionSummary, TagColumn.read(tags),
                ratingScore == null ? null : new RatingView(ratingScore, ratingComment, ratedAt), lastSeq, version,
                queuedAt);
    }

    /**
     * What the inbox's {@code q} finds as a substring: ticket number, subject, customer name and email, lowercased
     * and joined by U+001F (a control character nobody searches for), so one trigram index serves all four.
     */
    String searchFields() {
        return Stream.of(ticketNumber, subject, customerName, customerEmail).filter(Objects::nonNull)
                .map(value -> value.toLowerCase(Locale.ROOT)).collect(Collectors.joining(FIELD_SEPARATOR));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
