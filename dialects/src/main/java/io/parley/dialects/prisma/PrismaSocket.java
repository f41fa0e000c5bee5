package io.parley.dialects.prisma;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectClient;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.MessageErrors;
import io.parley.dialects.core.SocketDialect;
import io.parley.shared.ApiError;
import io.parley.shared.Priority;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's socket events on {@code /prisma}: {@code user:join}, {@code message:send} (without a conversation
 * id a customer's first message opens their chat), {@code admin:getConversations} and
 * {@code conversation:getMessages} (answered by ack). Failures come back as the ack or as {@code message:error}.
 */
@Component
class PrismaSocket implements SocketDialect {
    static final int CONVERSATIONS = 100;

    private final CommandGateway commands;
    private final ChatReads reads;
    private volatile DialectNamespace namespace;

    PrismaSocket(CommandGateway commands, ChatReads reads) {
        this.commands = commands;
        this.reads = reads;
    }

    @Override
    public String name() {
        return "prisma";
    }

    DialectNamespace namespace() {
        return namespace;
    }

    @Override
    public void register(DialectNamespace namespace) {
        namespace.on("user:join", (client, data) -> {
            Fields fields = Fields.of(data, false);
            fields.claimedSelf("userId", client.actor().id());
            PrismaNames.checkSide(fields.raw("role"), client.actor(), "role");
            if (client.actor().isStaff()) client.send("admin:online", Map.of("userId", client.actor().id()));
            return Map.of("success", true, "userId", client.actor().id(), "role", PrismaNames.side(client.actor()));
        });
        namespace.on("message:send", this::send);
        namespace.on("admin:getConversations", (client, data) -> {
            if (!client.actor().isStaff()) throw DialectException.forbidden("admins only");
            return reads.inbox(client.actor(), List.of(), null, 1, CONVERSATIONS).items().stream()
                    .map(chat -> PrismaNames.conversation(chat, reads.messages(chat.id(), client.actor(), 0)))
                    .toList();
        });
        namespace.on("conversation:getMessages", (client, data) -> {
            String conversationId = Fields.of(data, false).requiredId("conversationId");
            return reads.messages(conversationId, client.actor(), 0).stream()
                    .map(m -> PrismaNames.message(m, null)).toList();
        });
        this.namespace = namespace;
    }

    private Object send(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        PrismaNames.checkSide(fields.raw("sender"), client.actor(), "sender");
        String content = fields.requiredText("message", "message is required");
        String conversationId = fields.optionalId("conversationId");
        if (conversationId == null) {
            if (!client.actor().isCustomer()) throw DialectException.invalid("conversationId is required");
            StartChatResult started = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(),
                    client.actor(), reads.email(client.actor().id()), "Chat with Admin", "general", Priority.MEDIUM,
                    UUID.randomUUID().toString(), content, List.of(), null));
            if (!started.existing()) return Map.of("success", true, "conversationId", started.chatId());
            conversationId = started.chatId(); // their active chat: the message goes there
        }
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(conversationId, client.actor(),
                UUID.randomUUID().toString(), content, List.of(), null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("conversationId", conversationId);
        answer.put("id", accepted.messageId());
        answer.put("seq", accepted.seq());
        return answer;
    }

    @Override
    public String errorEvent() {
        return "message:error";
    }

    @Override
    public Object errorBody(ApiError error, String event, Object payload) {
        Map<String, Object> body = MessageErrors.body(error.message(), error.code());
        body.put("event", event);
        return body;
    }
}
