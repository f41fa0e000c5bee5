package io.parley.dialects.agency;

import io.parley.dialects.core.AfterCommit;
import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.DialectsConfig;
import io.parley.dialects.core.Workers;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesReadEvent;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parley's stored events as seed 002's pushes to the other party (the customer, or the holding agent, or all staff
 * while nobody holds the chat), after their commit: {@code chatMessage} for a message, {@code messagesRead} for a
 * read receipt. The chat's parties are read off the committing thread, in order per chat.
 */
@Component
@ProcessingGroup(DialectsConfig.GROUP)
class AgencyPushes {
    private static final Logger log = LoggerFactory.getLogger(AgencyPushes.class);

    private final AgencySocket socket;
    private final ChatReads reads;
    private final Workers workers;

    AgencyPushes(AgencySocket socket, ChatReads reads, Workers workers) {
        this.socket = socket;
        this.reads = reads;
        this.workers = workers;
    }

    @EventHandler
    void on(MessageSentEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null || event.senderRole() == Role.SYSTEM) return;
        MessageView message = MessageView.of(event);
        Actor sender = new Actor(event.senderId(), event.senderRole(), event.senderName());
        AfterCommit.run(() -> toOtherParty(namespace, event.chatId(), sender, "chatMessage",
                chat -> AgencyNames.message(message, chat)));
    }

    @EventHandler
    void on(MessagesReadEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null) return;
        Actor reader = new Actor(event.readerId(), event.readerRole(), null);
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("conversationId", event.chatId());
        read.put("readerId", event.readerId());
        read.put("upToSeq", event.upToSeq());
        read.put("readAt", event.readAt());
        AfterCommit.run(() -> toOtherParty(namespace, event.chatId(), reader, "messagesRead", chat -> read));
    }

    private void toOtherParty(DialectNamespace namespace, String chatId, Actor from, String name,
                              java.util.function.Function<ChatView, Object> data) {
        if (namespace.idle()) return;
        workers.run("agency:" + chatId, () -> {
            try {
                ChatView chat = reads.chat(chatId, from, 0);
                namespace.toRoom(AgencyNames.otherPartyRoom(chat, from.isStaff()), name, data.apply(chat));
            } catch (RuntimeException failure) {
                log.warn("{} for chat {} not sent: {}", name, chatId, failure.toString());
            }
        });
    }
}
