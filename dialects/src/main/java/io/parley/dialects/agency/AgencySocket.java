package io.parley.dialects.agency;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectClient;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.SocketDialect;
import io.parley.dialects.core.DialectException;
import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.Priority;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 002's socket events on {@code /agency}: {@code chatMessage {conversationId, message}} (a client without a
 * conversation opens one) answered by {@code messageReceived}, {@code typing {conversationId, isTyping}} as the
 * other party's {@code typingStatus}, {@code markAsRead {conversationId}} answered by {@code messagesMarkedRead}.
 * Rooms are the seed's: {@code user_<id>}-like personal rooms and the staff ({@code admin}) room. Errors use
 * Parley's envelope, which the seed documents too (ack, else {@code error}).
 */
@Component
class AgencySocket implements SocketDialect {
    private final CommandGateway commands;
    private final ChatReads reads;
    private volatile DialectNamespace namespace;

    AgencySocket(CommandGateway commands, ChatReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @Override
    public String name() {
        return "agency";
    }

    DialectNamespace namespace() {
        return namespace;
    }

    @Override
    public void register(DialectNamespace namespace) {
        namespace.on("chatMessage", this::send);
        namespace.on("typing", this::typing);
        namespace.on("markAsRead", this::markRead);
        this.namespace = namespace;
    }

    private Object send(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        String content = fields.requiredText("message", "message must not be empty");
        String conversationId = fields.optionalId("conversationId");
        if (conversationId == null) {
            if (!client.actor().isCustomer()) throw DialectException.invalid("conversationId is required");
            StartChatResult started = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(),
                    client.actor(), reads.email(client.actor().id()), "Conversation", "general", Priority.MEDIUM,
                    UUID.randomUUID().toString(), content, List.of(), null));
            conversationId = started.chatId();
            if (!started.existing()) {
                return confirm(client, reads.messages(conversationId, client.actor(), started.version()).get(0),
                        conversationId);
            }
        }
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(conversationId, client.actor(),
                UUID.randomUUID().toString(), content, List.of(), null));
        MessageView stored = accepted.message() != null ? accepted.message()
                : reads.messages(conversationId, client.actor(), accepted.version()).stream()
                .filter(m -> m.id().equals(accepted.messageId())).findFirst().orElseThrow();
        return confirm(client, stored, conversationId);
    }

    private Object confirm(DialectClient client, MessageView stored, String conversationId) {
        ChatView chat = reads.chat(conversationId, client.actor(), 0);
        Map<String, Object> message = AgencyNames.message(stored, chat);
        client.send("messageReceived", message);
        return ApiResponse.ok(message);
    }

    private Object typing(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        String conversationId = fields.requiredId("conversationId");
        Boolean isTyping = fields.optionalBoolean("isTyping");
        ChatView chat = reads.chat(conversationId, client.actor(), 0); // NOT_FOUND for others' conversations
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conversationId", conversationId);
        status.put("userId", client.actor().id());
        status.put("userName", client.actor().name());
        status.put("isTyping", isTyping == null || isTyping);
        namespace.toRoom(AgencyNames.otherPartyRoom(chat, client.actor().isStaff()), "typingStatus", status);
        return ApiResponse.ok(Map.of());
    }

    private Object markRead(DialectClient client, Object data) {
        String conversationId = Fields.of(data, false).requiredId("conversationId");
        PointerMoved moved = commands.sendAndWait(new MarkReadCommand(conversationId, client.actor(), null));
        Map<String, Object> marked = new LinkedHashMap<>();
        marked.put("conversationId", conversationId);
        marked.put("readerId", client.actor().id());
        marked.put("upToSeq", moved.upToSeq());
        marked.put("readAt", moved.at());
        client.send("messagesMarkedRead", marked);
        return ApiResponse.ok(marked);
    }

    @Override
    public String errorEvent() {
        return "error";
    }

    @Override
    public Object errorBody(ApiError error, String event, Object payload) {
        return ApiResponse.fail(error);
    }
}
