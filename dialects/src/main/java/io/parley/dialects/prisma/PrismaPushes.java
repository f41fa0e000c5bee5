package io.parley.dialects.prisma;

import io.parley.dialects.core.AfterCommit;
import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.DialectsConfig;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.Workers;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.query.MessageView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.parley.shared.query.ChatView;

/**
 * Every stored message as seed 004's {@code message:received {id, conversationId, sender, content, createdAt,
 * isRead, conversation}}: to the chat's customer and to admins (the seed tells every connected client; Parley
 * only those who may see the chat). The {@code conversation} part is read off the committing thread.
 */
@Component
@ProcessingGroup(DialectsConfig.GROUP)
class PrismaPushes {
    private static final Logger log = LoggerFactory.getLogger(PrismaPushes.class);

    private final PrismaSocket socket;
    private final ChatReads reads;
    private final Workers workers;

    PrismaPushes(PrismaSocket socket, ChatReads reads, Workers workers) {
        this.socket = socket;
        this.reads = reads;
        this.workers = workers;
    }

    @EventHandler
    void on(MessageSentEvent event) {
        DialectNamespace namespace = socket.namespace();
        if (namespace == null || namespace.idle() || event.senderRole() == Role.SYSTEM) return;
        MessageView message = MessageView.of(event);
        Actor sender = new Actor(event.senderId(), event.senderRole(), event.senderName());
        AfterCommit.run(() -> workers.run("prisma:" + event.chatId(), () -> {
            try {
                ChatView chat = reads.chat(event.chatId(), sender, 0);
                Object received = PrismaNames.message(message, PrismaNames.conversation(chat));
                namespace.toRoom(Rooms.person(chat.customer().id()), "message:received", received);
                namespace.toRoom(Rooms.STAFF, "message:received", received);
            } catch (RuntimeException failure) {
                log.warn("message:received for chat {} not sent: {}", event.chatId(), failure.toString());
            }
        }));
    }
}
