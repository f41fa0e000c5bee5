package io.parley.query.unread;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.ReadModelReset;
import io.parley.query.projection.Rows;
import io.parley.shared.ChatStatus;
import io.parley.shared.Side;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Keeps each chat's last seq, read pointers, holder and status: everything unread counts are made of. */
@Component
@ProcessingGroup(QuerySideConfig.READ_MODELS)
class UnreadProjection {
    private final ProjectionBatches batches;

    UnreadProjection(ProjectionBatches batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequenceNumber) {
        Rows<UnreadChatEntity> rows = rows();
        if (rows.find(event.chatId()).isEmpty()) {
            rows.insert(new UnreadChatEntity(event.chatId(), event.customerId(), sequenceNumber));
        }
    }

    @EventHandler
    void on(MessageSentEvent event, @SequenceNumber long sequenceNumber) {
        Side senderSide = event.senderRole() == null ? null : event.senderRole().side().orElse(null);
        apply(event.chatId(), sequenceNumber, chat -> chat.messageAdded(event.seq(), senderSide));
    }

    @EventHandler
    void on(MessagesReadEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> chat.read(event.side(), event.upToSeq()));
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> chat.agentId = event.agentId());
    }

    @EventHandler
    void on(ChatReturnedToQueueEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> chat.agentId = null);
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> chat.status = event.status());
    }

    @EventHandler
    void on(ChatClosedEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> chat.status = ChatStatus.CLOSED);
    }

    @EventHandler
    void on(MessagesDeliveredEvent event, @SequenceNumber long sequenceNumber) {
        apply(event.chatId(), sequenceNumber, chat -> {
        });
    }

    /** Any other event of a chat (a newer type) still moves the version read-your-writes waits for. */
    @EventHandler
    void on(Object otherEvent, @SourceId String chatId, @SequenceNumber long sequenceNumber) {
        apply(chatId, sequenceNumber, chat -> {
        });
    }

    /** Empties this read model when it is the one being rebuilt. */
    @ResetHandler
    void onReset(ReadModelReset reset) {
        if (!reset.rebuilds("unread")) return;
        batches.jdbc().getJdbcTemplate().update("DELETE FROM unread_chat");
    }

    private void apply(String chatId, long sequenceNumber, Consumer<UnreadChatEntity> change) {
        Rows<UnreadChatEntity> rows = rows();
        rows.find(chatId).filter(chat -> chat.isNew(sequenceNumber)).ifPresent(chat -> {
            change.accept(chat);
            chat.version = sequenceNumber;
            rows.changed(chat);
        });
    }

    /** This batch's unread rows, written when the batch commits. */
    private Rows<UnreadChatEntity> rows() {
        return batches.pending("unread", () -> new Rows<>(UnreadRows.TABLE, batches));
    }
}
