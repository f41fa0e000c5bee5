package io.parley.command.web;

import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.command.ChatState;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.NoteAddedEvent;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.CustomerView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.RatingView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A chat as its stored events tell it, for a writer whose read models are late (a stored write is answered
 * from what was stored, never with 404) and for auditors (the chat as it was at any instant). Unread counts come
 * from the command's {@link ChatState}; the pointer rules live in the aggregate and the unread read model, not here.
 */
@Component
public class ChatFromEvents {
    private final EventStore events;

    ChatFromEvents(EventStore events) {
        this.events = events;
    }

    /** The chat and its latest {@code messageLimit} messages; empty if the chat has no start event. */
    public Optional<Folded> fold(String chatId, Actor viewer, ChatState state, int messageLimit) {
        Fold fold = new Fold(messageLimit);
        // From 0 rather than the latest snapshot: the aggregate's snapshot holds no subject or messages.
        DomainEventStream stream = events.readEvents(chatId, 0);
        while (stream.hasNext()) fold.on(stream.next());
        if (fold.started == null) return Optional.empty();
        return Optional.of(new Folded(fold.view(viewer, state), List.copyOf(fold.messages), fold.version));
    }

    /**
     * The chat as its events stored up to {@code at} (to the millisecond, inclusive) tell it, as an auditor sees
     * it (no unread count); empty if it had not started by then.
     */
    public Optional<ChatView> asOf(String chatId, Instant at) {
        Fold fold = new Fold(1);
        DomainEventStream stream = events.readEvents(chatId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> next = stream.next();
            if (next.getTimestamp().truncatedTo(ChronoUnit.MILLIS).isAfter(at)) break;
            fold.on(next);
        }
        return fold.started == null ? Optional.empty() : Optional.of(fold.view(null, null));
    }

    /** The message stored at {@code seq}, if the chat has one. */
    Optional<MessageView> message(String chatId, long seq) {
        DomainEventStream stream = events.readEvents(chatId, 0);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof MessageSentEvent e && e.seq() == seq) {
                return Optional.of(MessageView.of(e));
            }
        }
        return Optional.empty();
    }

    /**
     * One chat's view and its latest messages, ascending by seq; {@code version}: the sequence number of the last
     * event folded (-1 when not known).
     */
    public record Folded(ChatView chat, List<MessageView> messages, long version) {
        public Folded(ChatView chat, List<MessageView> messages) {
            this(chat, messages, -1);
        }
    }

    /** The inbox read model's rules for status, resolution and activity time, applied to one chat's events. */
    private static final class Fold {
        private final int messageLimit;
        private final Deque<MessageView> messages = new ArrayDeque<>();
        private ChatStartedEvent started;
        private long version = -1;
        private ChatStatus status = ChatStatus.OPEN;
        private String agentId;
        private String agentName;
        private Instant updatedAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private String resolutionSummary;
        private ChatUpdatedEvent edits;
        private RatingView rating;

        Fold(int messageLimit) {
            this.messageLimit = messageLimit;
        }

        void on(DomainEventMessage<?> message) {
            version = message.getSequenceNumber();
            Object event = message.getPayload();
            Instant at = message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
            if (event instanceof ChatStartedEvent e) {
                started = e;
                at = e.startedAt();
            } else if (event instanceof MessageSentEvent e) {
                messages.addLast(MessageView.of(e));
                if (messages.size() > messageLimit) messages.removeFirst();
                at = e.sentAt();
            } else if (event instanceof AgentAssignedEvent e) {
                agentId = e.agentId();
                agentName = e.agentName();
                at = e.assignedAt();
            } else if (event instanceof ChatReturnedToQueueEvent e) {
                agentId = null;
                agentName = null;
                at = e.returnedAt();
            } else if (event instanceof ChatStatusChangedEvent e) {
                statusChanged(e.status(), e.resolutionSummary(), e.changedAt());
                at = e.changedAt();
            } else if (event instanceof ChatUpdatedEvent e) {
                edits = merged(edits, e);
                at = e.changedAt();
            } else if (event instanceof ChatRatedEvent e) {
                rating = new RatingView(e.score(), e.comment(), e.ratedAt());
                at = e.ratedAt();
            } else if (event instanceof ChatClosedEvent e) {
                status = ChatStatus.CLOSED;
                closedAt = e.closedAt();
                if (hasText(e.resolutionSummary())) resolutionSummary = e.resolutionSummary();
                at = e.closedAt();
            } else if (event instanceof NoteAddedEvent) {
                // Staff-only: a note is no activity a customer may notice (the inbox read model agrees).
                at = null;
            }
            if (at != null && (updatedAt == null || at.isAfter(updatedAt))) updatedAt = at;
        }

        private void statusChanged(ChatStatus next, String summary, Instant at) {
            if (next == ChatStatus.RESOLVED) {
                resolvedAt = at;
                if (hasText(summary)) resolutionSummary = summary;
            } else if (status == ChatStatus.RESOLVED) {
                resolvedAt = null;
                resolutionSummary = null;
            }
            status = next;
        }

        ChatView view(Actor viewer, ChatState state) {
            Side side = viewer == null || viewer.role() == null ? null : viewer.role().side().orElse(null);
            long unread = state == null || side == null ? 0 : Math.max(0, state.unreadFor(side));
            Role customerRole = started.customerRole() == null ? Role.USER : started.customerRole();
            String category = hasText(started.category()) ? started.category() : "general";
            Priority priority = started.priority() == null ? Priority.MEDIUM : started.priority();
            String subject = started.subject();
            List<String> tags = List.of();
            if (edits != null) {
                if (edits.subject() != null) subject = edits.subject();
                if (edits.priority() != null) priority = edits.priority();
                if (edits.category() != null) category = edits.category();
                if (edits.tags() != null) tags = edits.tags();
            }
            return new ChatView(started.chatId(), started.ticketNumber(), subject, status.wire(),
                    priority.wire(), category,
                    new CustomerView(started.customerId(), started.customerName(), started.customerEmail(),
                            customerRole.wire()),
                    agentId == null ? null : new AgentRef(agentId, agentName), started.startedAt(), updatedAt,
                    messages.peekLast(), unread, resolvedAt, closedAt, resolutionSummary, tags, rating);
        }

        /** The edits so far with a later one laid over them: each field as its last edit left it. */
        private static ChatUpdatedEvent merged(ChatUpdatedEvent before, ChatUpdatedEvent next) {
            if (before == null) return next;
            return new ChatUpdatedEvent(next.chatId(), pick(next.subject(), before.subject()),
                    pick(next.priority(), before.priority()), pick(next.category(), before.category()),
                    pick(next.tags(), before.tags()), next.changedById(), next.changedByRole(), next.changedAt());
        }

        private static <T> T pick(T later, T earlier) {
            return later != null ? later : earlier;
        }

        private static boolean hasText(String value) {
            return value != null && !value.isBlank();
        }
    }
}
