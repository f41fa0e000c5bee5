package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectClient;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.DialectNamespace;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.MessageErrors;
import io.parley.dialects.core.Rooms;
import io.parley.dialects.core.SocketDialect;
import io.parley.shared.ApiError;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.CloseChatCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 003's socket events on {@code /mydeeptech}: {@code join_chat_room}, {@code send_message},
 * {@code user_typing}, and the admin's {@code join_admin_room}, {@code join_chat}, {@code admin_send_message},
 * {@code admin_close_chat}. Failures come back as the ack, or as {@code chat_error {type, message, ticketId, code}}.
 */
@Component
class MyDeepTechSocket implements SocketDialect {
    private final CommandGateway commands;
    private final ChatReads reads;
    private final AdminStatus adminStatus;
    private volatile DialectNamespace namespace;

    MyDeepTechSocket(CommandGateway commands, ChatReads reads, AdminStatus adminStatus) {
        this.commands = commands;
        this.reads = reads;
        this.adminStatus = adminStatus;
    }

    @Override
    public String name() {
        return "mydeeptech";
    }

    /** The namespace, or null when {@code CHAT_DIALECTS} does not serve this dialect. */
    DialectNamespace namespace() {
        return namespace;
    }

    @Override
    public void register(DialectNamespace namespace) {
        namespace.on("join_chat_room", this::joinChat);
        namespace.on("join_chat", (client, data) -> joinChat(staff(client), data));
        namespace.on("join_admin_room", (client, data) -> {
            DialectClient admin = staff(client);
            admin.join(Rooms.STAFF);
            // The announcement of this admin's connection may have gone out before it was in the room.
            adminStatus.announce(namespace, admin.actor());
            return Map.of("success", true);
        });
        namespace.on("send_message", this::send);
        namespace.on("admin_send_message", (client, data) -> send(staff(client), data));
        namespace.on("user_typing", this::typing);
        namespace.on("admin_close_chat", (client, data) -> {
            Fields fields = Fields.of(data, false);
            String ticketId = fields.requiredId("ticketId");
            commands.sendAndWait(new CloseChatCommand(ticketId, staff(client).actor(),
                    fields.optionalText("resolutionSummary")));
            return Map.of("success", true, "ticketId", ticketId);
        });
        this.namespace = namespace;
    }

    private Object joinChat(DialectClient client, Object data) {
        String ticketId = Fields.of(data, false).requiredId("ticketId");
        reads.chat(ticketId, client.actor(), 0); // NOT_FOUND for a chat the caller may not see
        client.join(Rooms.chat(ticketId));
        return Map.of("success", true, "ticketId", ticketId);
    }

    private Object send(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        String ticketId = fields.requiredId("ticketId");
        List<String> attachments = fields.optionalIds("attachments");
        String message = attachments.isEmpty() ? fields.requiredText("message", "message is required")
                : fields.optionalText("message");
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(ticketId, client.actor(),
                UUID.randomUUID().toString(), message, attachments, null));
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("messageId", accepted.messageId());
        sent.put("ticketId", ticketId);
        sent.put("timestamp", accepted.message() == null ? null : accepted.message().createdAt());
        sent.put("status", "sent");
        client.send("message_sent", sent);
        return sent;
    }

    private Object typing(DialectClient client, Object data) {
        Fields fields = Fields.of(data, false);
        String ticketId = fields.requiredId("ticketId");
        Boolean isTyping = fields.optionalBoolean("isTyping");
        String room = Rooms.chat(ticketId);
        if (!client.socket().getAllRooms().contains(room)) {
            throw DialectException.invalid("join the chat room first (join_chat_room)");
        }
        if (client.actor().isStaff()) {
            Map<String, Object> typing = new LinkedHashMap<>();
            typing.put("ticketId", ticketId);
            typing.put("agentName", client.actor().name());
            typing.put("isTyping", isTyping == null || isTyping);
            namespace.toRoomExcept(room, client.socket(), "agent_typing", typing);
        }
        return Map.of("success", true);
    }

    private static DialectClient staff(DialectClient client) {
        if (!client.actor().isStaff()) throw DialectException.forbidden("admin access required");
        return client;
    }

    /** An admin's first socket: the admins see them online. */
    @Override
    public void connected(DialectClient client) {
        DialectNamespace served = namespace;
        if (served != null && client.actor().isStaff() && served.count(Rooms.person(client.actor())) == 1) {
            adminStatus.announce(served, client.actor());
        }
    }

    /** An admin's last socket went. */
    @Override
    public void disconnected(DialectClient client) {
        DialectNamespace served = namespace;
        if (served != null && client.actor().isStaff() && !served.anyoneIn(Rooms.person(client.actor()))) {
            adminStatus.announce(served, client.actor());
        }
    }

    @Override
    public String errorEvent() {
        return "chat_error";
    }

    @Override
    public Object errorBody(ApiError error, String event, Object payload) {
        Map<String, Object> body = MessageErrors.body(error.message(), error.code());
        body.put("type", type(error, event));
        body.put("ticketId", payload instanceof Map<?, ?> map && map.get("ticketId") instanceof String id ? id : null);
        return body;
    }

    private static String type(ApiError error, String event) {
        if (error.code().startsWith("AUTH")) return "authentication_failed";
        if (event == null) return "request_failed";
        if (event.contains("send_message")) return "message_failed";
        if (event.contains("join")) return "join_failed";
        if (event.contains("close")) return "close_failed";
        return "request_failed";
    }
}
