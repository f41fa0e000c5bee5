package io.parley.realtime.inbound;

import io.parley.realtime.gateway.AckGate;
import io.parley.realtime.gateway.Reply;
import io.parley.realtime.gateway.SocketEvent;
import io.parley.realtime.gateway.SocketSession;
import io.parley.shared.Actor;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.query.FetchMessageQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * {@code sendMessage {chatId, content, attachmentIds?, clientMessageId?}}: the same command as the REST send; the
 * acknowledgement is the stored message as its event has it, sent once the command committed, so only once the
 * message is durably stored (it does not wait for the read models, unlike a REST send). Its {@code newMessage}
 * push is held until this acknowledgement is out.
 */
@Component
class SendMessage implements SocketEvent {
    static final int MAX_RAW_CONTENT = 8000;
    static final int MAX_CLIENT_MESSAGE_ID = 100;
    static final int MAX_ATTACHMENTS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AckGate gate;

    SendMessage(CommandGateway commands, QueryGateway queries, AckGate gate) {
        this.commands = commands;
        this.queries = queries;
        this.gate = gate;
    }

    @Override
    public String name() {
        return "sendMessage";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId, content, attachmentIds?, clientMessageId?}");
        String chatId = payload.requiredId("chatId");
        String content = payload.optionalText("content", MAX_RAW_CONTENT);
        List<String> attachmentIds = payload.optionalIds("attachmentIds", MAX_ATTACHMENTS);
        String clientMessageId = payload.optionalText("clientMessageId", MAX_CLIENT_MESSAGE_ID);
        payload.check();
        Actor sender = session.actor();
        String messageId = UUID.randomUUID().toString();
        gate.hold(messageId);
        try {
            MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(chatId, sender, messageId,
                    content, attachmentIds, clientMessageId));
            if (accepted == null) throw new IllegalStateException("interrupted while sending");
            // Built from the event as it was stored; a retry's original comes from the history read model.
            MessageView stored = accepted.duplicate() ? null : gate.takeStored(messageId);
            if (stored == null) {
                stored = queries.query(new FetchMessageQuery(chatId, accepted.seq(), sender, accepted.version()),
                        MessageView.class).join();
            }
            reply.ok(stored);
        } catch (Throwable failure) {
            reply.fail(failure);
        } finally {
            gate.release(messageId);
        }
    }
}
