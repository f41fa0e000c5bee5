package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.push.PendingAcks;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.Actor;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.query.FetchMessageQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code sendMessage {chatId, content, attachmentIds?, clientMessageId?}}: the same command as the REST send. The
 * acknowledgement is the stored message as its event has it, sent in the chat's lane straight after the commit and
 * before the {@code newMessage} push ({@link PendingAcks}); it never waits for a read model. Only a failure, or a
 * retry that found the original message, is answered here.
 */
@Component
class SendMessage implements SocketEvent {
    static final int MAX_RAW_CONTENT = 8000;
    static final int MAX_CLIENT_MESSAGE_ID = 100;
    static final int MAX_ATTACHMENTS = 10;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PendingAcks acks;

    SendMessage(CommandGateway commands, QueryGateway queries, PendingAcks acks) {
        this.commands = commands;
        this.queries = queries;
        this.acks = acks;
    }

    @Override
    public String name() {
        return "sendMessage";
    }

    @Override
    public boolean refusedWhenLate() {
        return true;
    }

    @Override
    public boolean boundedInFlight() {
        return true;
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
        String messageId = IdentifierFactory.getInstance().generateIdentifier();
        acks.expect(messageId, reply);
        MessageAccepted accepted;
        try {
            accepted = commands.sendAndWait(new SendMessageCommand(chatId, sender, messageId, content,
                    attachmentIds, clientMessageId));
            if (accepted == null) throw new IllegalStateException("interrupted while sending");
        } catch (Throwable failure) {
            Reply unclaimed = acks.unclaimed(messageId);
            if (unclaimed != null) unclaimed.fail(failure);
            return;
        }
        Reply unclaimed = acks.unclaimed(messageId);
        if (unclaimed == null) return;
        if (accepted.message() != null) {
            acks.acknowledge(unclaimed, accepted.message());
            return;
        }
        // A retry: the chat keeps no bodies, so the original comes from the history read model.
        try {
            acks.acknowledge(unclaimed, queries.query(new FetchMessageQuery(chatId, accepted.seq(), sender,
                    accepted.version()), MessageView.class).join());
        } catch (Throwable failure) {
            unclaimed.fail(failure);
        }
    }
}
