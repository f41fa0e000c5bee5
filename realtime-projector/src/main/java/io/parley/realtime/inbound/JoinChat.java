package io.parley.realtime.inbound;

import io.parley.realtime.broadcast.ChatLanes;
import io.parley.realtime.dispatch.Reply;
import io.parley.realtime.dispatch.SocketEvent;
import io.parley.realtime.sessions.SocketSession;
import io.parley.realtime.sessions.SocketSessions;
import io.parley.shared.Actor;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code joinChat {chatId, afterSeq?}}: checks the caller may see the chat, then, holding the chat's push lane, reads
 * what it missed up to the chat's stored version, joins the room and acknowledges. Pushes queued before the
 * join are in the catch-up, pushes after it arrive live after the acknowledgement: nothing is lost.
 */
@Component
class JoinChat implements SocketEvent {
    static final int MAX_MISSED = 200;

    private final QueryGateway queries;
    private final EventStore eventStore;
    private final ChatLanes lanes;
    private final SocketSessions sessions;

    JoinChat(QueryGateway queries, EventStore eventStore, ChatLanes lanes, SocketSessions sessions) {
        this.queries = queries;
        this.eventStore = eventStore;
        this.lanes = lanes;
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return "joinChat";
    }

    @Override
    public void handle(SocketSession session, Object data, Reply reply) {
        Payload payload = Payload.of(data, "{chatId, afterSeq?}");
        String chatId = payload.requiredId("chatId");
        Long afterSeq = payload.optionalSeq("afterSeq");
        payload.check();
        Actor actor = session.actor();
        // NOT_FOUND for a chat the caller may not see, before the socket goes near its room.
        queries.query(new FetchChatQuery(chatId, actor, 0), ChatView.class).join();
        // Hold the chat's lane while this socket worker reads (pushes queue behind the join, so nothing is
        // missed), but not a lane thread: the reads block, and other chats' pushes must not wait for them.
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> turn = new CompletableFuture<>();
        lanes.submit(chatId, () -> {
            turn.complete(null);
            return done;
        });
        try {
            turn.join();
            long version = eventStore.lastSequenceNumberFor(chatId).orElse(0L);
            List<MessageView> missed = queries.query(new FetchMessagesQuery(chatId, actor, afterSeq, null,
                    MAX_MISSED, version), ResponseTypes.multipleInstancesOf(MessageView.class)).join();
            ChatView chat = queries.query(new FetchChatQuery(chatId, actor, version), ChatView.class).join();
            long caughtUp = missed.isEmpty() ? (afterSeq == null ? 0 : afterSeq)
                    : missed.get(missed.size() - 1).seq();
            sessions.joinChat(session, chatId, caughtUp);
            reply.ok(new Acks.Joined(chat, missed, sessions.presentIn(chatId, actor.id())));
        } catch (Throwable failure) {
            reply.fail(failure);
        } finally {
            done.complete(null);
        }
    }
}
