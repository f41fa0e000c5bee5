package io.parley.realtime.inbound;

import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.presence.Typing;
import io.parley.realtime.sessions.SocketSession;
import io.parley.realtime.sessions.SocketSessions;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code leaveChat {chatId}}: the socket stops receiving the chat's events; leaving twice is fine. */
@Component
class LeaveChat implements SocketEvent {
    private final SocketSessions sessions;
    private final Typing typing;

    LeaveChat(SocketSessions sessions, Typing typing) {
        this.sessions = sessions;
        this.typing = typing;
    }

    @Override
    public String name() {
        return "leaveChat";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId}");
        String chatId = payload.requiredId("chatId");
        payload.check();
        sessions.leaveChat(session, chatId);
        typing.leftChat(session, chatId);
        reply.ok(Map.of());
    }
}
