package io.parley.query.history;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.ReadModelReset;
import io.parley.query.projection.Rows;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
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

/**
 * Keeps every message of every chat by (chat, seq), including system notices, and stamps a message read when
 * the other side's read pointer first covers it.
 */
@Component
@ProcessingGroup(QuerySideConfig.READ_MODELS)
class HistoryProjection {
    private final ProjectionBatches batches;

    HistoryProjection(ProjectionBatches batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long sequenceNumber) {
        Rows<HistoryChatEntity> chats = writes().chats;
        if (chats.find(event.chatId()).isEmpty()) chats.insert(new HistoryChatEntity(event.chatId(), sequenceNumber));
    }

    @EventHandler
    void on(MessageSentEvent event, @SequenceNumber long sequenceNumber) {
        HistoryWrites writes = writes();
        HistoryChatEntity chat = writes.chats.find(event.chatId())
                .orElseGet(() -> writes.chats.insert(new HistoryChatEntity(event.chatId(), -1)));
        if (!chat.isNew(sequenceNumber)) return;
        HistoryMessageEntity message = new HistoryMessageEntity(event.chatId(), event.seq(), event.senderRole());
        message.messageId = event.messageId();
        message.senderId = event.senderId();
        message.senderName = event.senderName();
        message.content = event.content() == null ? "" : event.content();
        message.attachments = event.attachments();
        message.clientMessageId = event.clientMessageId();
        message.createdAt = event.sentAt();
        writes.insert(message);
        chat.lastSeq = Math.max(chat.lastSeq, event.seq());
        chat.version = sequenceNumber;
        writes.chats.changed(chat);
    }

    @EventHandler
    void on(MessagesReadEvent event, @SequenceNumber long sequenceNumber) {
        HistoryWrites writes = writes();
        writes.chats.find(event.chatId()).filter(chat -> chat.isNew(sequenceNumber)).ifPresent(chat -> {
            if (event.upToSeq() > chat.readSeq(event.side())) {
                writes.stampRead(event.chatId(), event.side(), chat.readSeq(event.side()), event.upToSeq(),
                        event.readAt());
                chat.read(event.side(), event.upToSeq());
            }
            chat.version = sequenceNumber;
            writes.chats.changed(chat);
        });
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long sequenceNumber) {
        advance(event.chatId(), sequenceNumber);
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long sequenceNumber) {
        advance(event.chatId(), sequenceNumber);
    }

    @EventHandler
    void on(ChatClosedEvent event, @SequenceNumber long sequenceNumber) {
        advance(event.chatId(), sequenceNumber);
    }

    @EventHandler
    void on(MessagesDeliveredEvent event, @SequenceNumber long sequenceNumber) {
        advance(event.chatId(), sequenceNumber);
    }

    /** Any other event of a chat (a newer type) still moves the version read-your-writes waits for. */
    @EventHandler
    void on(Object otherEvent, @SourceId String chatId, @SequenceNumber long sequenceNumber) {
        advance(chatId, sequenceNumber);
    }

    /** Empties this read model when it is the one being rebuilt. */
    @ResetHandler
    void onReset(ReadModelReset reset) {
        if (!reset.rebuilds("history")) return;
        batches.jdbc().getJdbcTemplate().update("DELETE FROM history_message");
        batches.jdbc().getJdbcTemplate().update("DELETE FROM history_chat");
    }

    private void advance(String chatId, long sequenceNumber) {
        Rows<HistoryChatEntity> chats = writes().chats;
        chats.find(chatId).filter(chat -> chat.isNew(sequenceNumber)).ifPresent(chat -> {
            chat.version = sequenceNumber;
            chats.changed(chat);
        });
    }

    /** This batch's history writes, made when the batch commits. */
    private HistoryWrites writes() {
        return batches.pending("history", () -> new HistoryWrites(batches));
    }
}
