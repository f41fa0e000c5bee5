package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.Actor;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * {@code markRead {chatId, upToSeq?}}: the reader's side has read the other side's messages up to upToSeq
 * (default: all). Like REST, acknowledged once the read models show it, so unread counts read next agree.
 */
@Component
class MarkRead implements SocketEvent {
    private final CommandGateway commands;
    private final QueryGateway queries;

    MarkRead(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public String name() {
        return "markRead";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId, upToSeq?}");
        String chatId = payload.requiredId("chatId");
        Long upToSeq = payload.optionalSeq("upToSeq");
        payload.check();
        Actor reader = session.actor();
        PointerMoved moved = commands.sendAndWait(new MarkReadCommand(chatId, reader, upToSeq));
        queries.query(new FetchChatQuery(chatId, reader, moved.version()), ChatView.class).join();
        reply.ok(new Acks.Read(chatId, reader.id(), moved.upToSeq(), moved.at()));
    }
}
