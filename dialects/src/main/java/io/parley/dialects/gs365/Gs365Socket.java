package io.parley.dialects.gs365;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectClient;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.SocketDialect;
import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 000's socket events on {@code /gs365}: {@code joinChat} (a bare chat id, as the seed emits it),
 * {@code leaveChat}, {@code sendMessage {chatId, content, senderId, senderType}}, {@code typing} and
 * {@code loggedin-user}. Answers and failures use Parley's envelope (ack, else {@code chatError}).
 */
@Component
class Gs365Socket implements SocketDialect {
    private final CommandGateway commands;
    private final ChatReads reads;
    private volatile DialectNamespace namespace;

    Gs365Socket(CommandGateway commands, ChatReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @Override
    public String name() {
        return "gs365";
    }

    DialectNamespace namespace() {
        return namespace;
    }

    @Override
    public void register(DialectNamespace namespace) {
        namespace.on("joinChat", (client, data) -> {
            String chatId = chatIdOf(data);
            reads.chat(chatId, client.actor(), 0); // NOT_FOUND for a chat the caller may not see
            client.join(Rooms.chat(chatId));
            return ApiResponse.ok(Map.of("chatId", chatId, "message", "Joined chat room"));
        });
        namespace.on("leaveChat", (client, data) -> {
            String chatId = chatIdOf(data);
            client.leave(Rooms.chat(chatId));
            return ApiResponse.ok(Map.of("chatId", chatId));
        });
        namespace.on("sendMessage", this::send);
        namespace.on("typing", this::typing);
        namespace.on("loggedin-user", this::loggedIn);
        this.namespace = namespace;
    }

    /** {@code joinChat} sends the id itself ({@code emit("joinChat", chatId)}); an object with chatId works too. */
    private static String chatIdOf(Object data) {
        if (data instanceof String id) return Fields.pathId(id);
        return Fields.of(data, false).requiredId("chatId");
    }

    private Object send(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        fields.claimedSelf("senderId", client.actor().id());
        Gs365Names.checkType(fields.raw("senderType"), client.actor());
        String chatId = fields.requiredId("chatId");
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(chatId, client.actor(),
                UUID.randomUUID().toString(), fields.requiredText("content", "content is required"), List.of(),
                fields.optionalId("clientMessageId")));
        return ApiResponse.ok(accepted.message() != null ? Gs365Names.message(accepted.message())
                : Map.of("id", accepted.messageId(), "chatId", chatId, "seq", accepted.seq()));
    }

    private Object typing(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        fields.claimedSelf("userId", client.actor().id());
        String chatId = fields.requiredId("chatId");
        Boolean isTyping = fields.optionalBoolean("isTyping");
        if (!client.socket().getAllRooms().contains(Rooms.chat(chatId))) {
            throw DialectException.invalid("join the chat first (joinChat)");
        }
        Map<String, Object> typing = new LinkedHashMap<>();
        typing.put("chatId", chatId);
        typing.put("userId", client.actor().id());
        typing.put("userName", client.actor().name());
        typing.put("isTyping", isTyping == null || isTyping);
        namespace.toRoomExcept(Rooms.chat(chatId), client.socket(), "userTyping", typing);
        return ApiResponse.ok(Map.of());
    }

    /**
     * The seed's single-session habit: a client that logged in tells the server, which tells the same user's other
     * clients {@code logout-user-<id>}. Here only that user's other sockets hear it, and never the token.
     */
    private Object loggedIn(DialectClient client, Object data) {
        Fields.of(data, false).claimedSelf("id", client.actor().id());
        namespace.toRoomExcept(Rooms.person(client.actor()), client.socket(), "logout-user-" + client.actor().id(),
                Map.of("userId", client.actor().id()));
        return ApiResponse.ok(Map.of());
    }

    @Override
    public String errorEvent() {
        return "chatError";
    }

    @Override
    public Object errorBody(ApiError error, String event, Object payload) {
        return ApiResponse.fail(error);
    }
}
