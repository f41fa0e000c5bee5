package io.parley.query.inbox;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.ReadModelReset;
import io.parley.query.projection.Rows;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.event.NoteAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/** Keeps one inbox row per chat: who, what, how urgent, where it stands, and when it last moved. */
@Component
@ProcessingGroup(QuerySideConfig.READ_MODELS)
class InboxProjection {
    private static final String DEFAULT_CATEGORY = "general";

    private final ProjectionBatches batches;
    private final SearchDocument document;

    InboxProjection(ProjectionBatches batches, SearchDocument document) {
        this.batches = batches;
        this.document = document;
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequenceNumber) {
        Rows<InboxChatEntity> rows = rows();
        if (rows.find(event.chatId()).isPresent()) return;
        InboxChatEntity chat = new InboxChatEntity(event.chatId(), sequenceNumber, event.startedAt());
        chat.ticketNumber = event.ticketNumber();
        chat.subject = event.subject();
        chat.category = event.category() == null || event.category().isBlank() ? DEFAULT_CATEGORY : event.category();
        chat.priority = event.priority() == null ? Priority.MEDIUM : event.priority();
        chat.customerId = event.customerId();
        chat.customerType = (event.customerRole() == null ? Role.USER : event.customerRole()).wire();
        chat.customerName = event.customerName();
        chat.customerEmail = event.customerEmail();
        rows.insert(chat);
    }

    /** What the customer or staff said joins the chat's search document; a system notice does not. */
    @EventHandler
    void on(MessageSentEvent event, @SequenceNumber long sequenceNumber) {
        boolean said = event.senderRole() != null && event.senderRole().side().isPresent();
        apply(event.chatId(), sequenceNumber, event.sentAt(), chat -> {
            chat.lastSeq = Math.max(chat.lastSeq, event.seq());
            if (said) writes().said(event.chatId(), event.content());
        });
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.assignedAt(), chat -> {
            chat.agentId = event.agentId();
            chat.agentName = event.agentName();
        });
    }

    @EventHandler
    void on(ChatReturnedToQueueEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.returnedAt(), chat -> {
            chat.agentId = null;
            chat.agentName = null;
        });
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.changedAt(),
                chat -> chat.statusChanged(event.status(), event.resolutionSummary(), event.changedAt()));
    }

    @EventHandler
    void on(ChatClosedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.closedAt(),
                chat -> chat.closed(event.resolutionSummary(), event.closedAt()));
    }

    @EventHandler
    void on(ChatUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.changedAt(), chat -> {
            if (event.subject() != null) chat.subject = event.subject();
            if (event.priority() != null) chat.priority = event.priority();
            if (event.category() != null) chat.category = event.category();
            if (event.tags() != null) chat.tags = TagColumn.write(event.tags());
        });
    }

    @EventHandler
    void on(ChatRatedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.ratedAt(), chat -> {
            chat.ratingScore = event.score();
            chat.ratingComment = event.comment();
            chat.ratedAt = event.ratedAt();
        });
    }

    @EventHandler
    void on(MessagesReadEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.readAt(), chat -> {
        });
    }

    @EventHandler
    void on(MessagesDeliveredEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, event.deliveredAt(), chat -> {
        });
    }

    /** A private note is no activity a customer may notice: only the version moves, not {@code updatedAt}. */
    @EventHandler
    void on(NoteAddedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, null, chat -> {
        });
    }

    /**
     * A chat event this projection has no handler for yet (a newer event type) still counts as activity and
     * moves the version, so read-your-writes never waits for a version the inbox would never reach.
     */
    @EventHandler
    void on(Object otherEvent, @SourceId String chatId, @SequenceNumber long sequenceNumber,
            @Timestamp Instant at) {
        apply(chatId, sequenceNumber, at.truncatedTo(ChronoUnit.MILLIS), chat -> {
        });
    }

    /** Empties this read model when it is the one being rebuilt. */
    @ResetHandler
    void onReset(ReadModelReset reset) {
        if (!reset.rebuilds("inbox")) return;
        batches.jdbc().getJdbcTemplate().update("DELETE FROM inbox_chat");
    }

    private void apply(String chatId, long sequenceNumber, Instant at, Consumer<InboxChatEntity> change) {
        Rows<InboxChatEntity> rows = rows();
        rows.find(chatId).filter(chat -> chat.isNew(sequenceNumber)).ifPresent(chat -> {
            change.accept(chat);
            chat.queue(at);
            chat.touch(sequenceNumber, at);
            rows.changed(chat);
        });
    }

    /** This batch's inbox rows, written when the batch commits. */
    private Rows<InboxChatEntity> rows() {
        return writes().rows;
    }

    /** This batch's inbox writes: the rows, then the words said in them. */
    private InboxWrites writes() {
        return batches.pending("inbox", () -> new InboxWrites(batches, document));
    }
}
