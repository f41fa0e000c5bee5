package io.parley.dialects.agri;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectClient;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.MessageErrors;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.SocketDialect;
import io.parley.shared.ApiError;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.query.MessageView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 001's socket events on {@code /agri}: {@code conversation:join}/{@code :leave}/{@code :mark-all-read},
 * {@code message:send}, {@code message:read}, {@code typing:start}/{@code :stop}, and presence
 * ({@code user:online}/{@code user:offline}, to support staff). Failures come back as the ack, or as {@code error}.
 */
@Component
class AgriSocket implements SocketDialect {
    private final CommandGateway commands;
    private final ChatReads reads;
    private volatile DialectNamespace namespace;

    AgriSocket(CommandGateway commands, ChatReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @Override
    public String name() {
        return "agri";
    }

    /** The namespace, or null when {@code CHAT_DIALECTS} does not serve this dialect. */
    DialectNamespace namespace() {
        return namespace;
    }

    @Override
    public void register(DialectNamespace namespace) {
        namespace.on("conversation:join", this::join);
        namespace.on("conversation:leave", (client, data) -> {
            String conversationId = Fields.of(data, false).requiredId("conversationId");
            client.leave(Rooms.chat(conversationId));
            return Map.of("success", true, "conversationId", conversationId);
        });
        namespace.on("conversation:mark-all-read", this::markRead);
        namespace.on("message:read", this::markRead);
        namespace.on("message:send", this::send);
        namespace.on("typing:start", (client, data) -> typing(client, data, true));
        namespace.on("typing:stop", (client, data) -> typing(client, data, false));
        this.namespace = namespace;
    }

    private Object join(DialectClient client, Object data) {
        String conversationId = Fields.of(data, false).requiredId("conversationId");
        reads.chat(conversationId, client.actor(), 0); // NOT_FOUND for a conversation the caller may not see
        client.join(Rooms.chat(conversationId));
        Map<String, Object> joined = Map.of("success", true, "conversationId", conversationId);
        client.send("conversation:joined", joined);
        return joined;
    }

    private Object markRead(DialectClient client, Object data) {
        String conversationId = Fields.of(data, false).requiredId("conversationId");
        PointerMoved moved = commands.sendAndWait(new MarkReadCommand(conversationId, client.actor(), null));
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("success", true);
        read.put("conversationId", conversationId);
        read.put("upToSeq", moved.upToSeq());
        read.put("readAt", moved.at());
        return read;
    }

    private Object send(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        String conversationId = fields.requiredId("conversationId");
        String messageType = fields.optionalText("messageType");
        if (messageType == null) messageType = "text";
        if (!AgriNames.MESSAGE_TYPES.contains(messageType)) {
            throw DialectException.invalid("messageType must be one of " + AgriNames.MESSAGE_TYPES);
        }
        String mediaId = fields.optionalId("mediaId");
        if (!messageType.equals("text") && mediaId == null) throw DialectException.invalid("mediaId is required");
        String content = mediaId == null ? fields.requiredText("content", "content is required")
                : fields.optionalText("content");
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(conversationId, client.actor(),
                UUID.randomUUID().toString(), content, mediaId == null ? List.of() : List.of(mediaId), null));
        MessageView stored = accepted.message() != null ? accepted.message()
                : new MessageView(accepted.messageId(), conversationId, accepted.seq(), client.actor().id(), null,
                client.actor().name(), content, List.of(), null, Instant.now(), null);
        Map<String, Object> message = AgriNames.message(stored);
        client.send("message:sent", message);
        return message;
    }

    private Object typing(DialectClient client, Object data, boolean isTyping) {
        String conversationId = Fields.of(data, false).requiredId("conversationId");
        String room = Rooms.chat(conversationId);
        if (!client.socket().getAllRooms().contains(room)) {
            throw DialectException.invalid("join the conversation first (conversation:join)");
        }
        Map<String, Object> typing = new LinkedHashMap<>();
        typing.put("conversationId", conversationId);
        typing.put("userId", client.actor().id());
        typing.put("userName", client.actor().name());
        typing.put("isTyping", isTyping);
        namespace.toRoomExcept(room, client.socket(), "typing:user-typing", typing);
        return Map.of("success", true);
    }

    /** The person's first socket here: support staff see them come online. */
    @Override
    public void connected(DialectClient client) {
        DialectNamespace served = namespace;
        if (served != null && served.count(Rooms.person(client.actor())) == 1) {
            served.toRoomExcept(Rooms.STAFF, client.socket(), "user:online", Map.of("userId", client.actor().id()));
        }
    }

    /** The person's last socket here went. */
    @Override
    public void disconnected(DialectClient client) {
        DialectNamespace served = namespace;
        if (served != null && !served.anyoneIn(Rooms.person(client.actor()))) {
            served.toRoom(Rooms.STAFF, "user:offline", Map.of("userId", client.actor().id(),
                    "lastSeen", Instant.now()));
        }
    }

    @Override
    public String errorEvent() {
        return "error";
    }

    @Override
    public Object errorBody(ApiError error, String event, Object payload) {
        Map<String, Object> body = MessageErrors.body(error.message(), error.code());
        body.put("event", event);
        return body;
    }
}
