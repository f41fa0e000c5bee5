package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.presence.Typing;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code typing {chatId, isTyping}}: a transient signal to the chat's other sockets, never stored. */
@Component
class TypingSignal implements SocketEvent {
    private final Typing typing;
    private final QueryGateway queries;

    TypingSignal(Typing typing, QueryGateway queries) {
        this.typing = typing;
        this.queries = queries;
    }

    @Override
    public String name() {
        return "typing";
    }

    @Override
    public boolean refusedWhenLate() {
        return true;
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId, isTyping}");
        String chatId = payload.requiredId("chatId");
        Boolean isTyping = payload.requiredBoolean("isTyping");
        payload.check();
        if (!session.inChat(chatId)) {
            // A socket that joined was checked then; any other must still be allowed to see the chat.
            queries.query(new FetchChatQuery(chatId, session.actor(), 0), ChatView.class).join();
        }
        typing.update(session, chatId, isTyping);
        reply.ok(Map.of());
    }
}
