package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.Actor;
import io.parley.shared.command.MarkDeliveredCommand;
import io.parley.shared.command.PointerMoved;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** {@code markDelivered {chatId, upToSeq}}: the client has received the other side's messages up to upToSeq. */
@Component
class MarkDelivered implements SocketEvent {
    private final CommandGateway commands;

    MarkDelivered(CommandGateway commands) {
        this.commands = commands;
    }

    @Override
    public String name() {
        return "markDelivered";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId, upToSeq}");
        String chatId = payload.requiredId("chatId");
        Long upToSeq = payload.requiredSeq("upToSeq");
        payload.check();
        Actor recipient = session.actor();
        PointerMoved moved = commands.sendAndWait(new MarkDeliveredCommand(chatId, recipient, upToSeq));
        reply.ok(new Acks.Delivered(chatId, recipient.id(), moved.upToSeq(), moved.at()));
    }
}
