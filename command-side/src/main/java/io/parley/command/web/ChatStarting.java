package io.parley.command.web;

import io.parley.shared.Actor;
import io.parley.shared.Priority;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ChatRejectedException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/** Starts a customer's chat (or finds their active one) and reads it back as stored. */
@Service
public class ChatStarting {
    static final int SUBJECT_FROM_MESSAGE = 80;

    private final CommandGateway commands;
    private final ReadBack readBack;

    ChatStarting(CommandGateway commands, ReadBack readBack) {
        this.commands = commands;
        this.readBack = readBack;
    }

    public StartedChat start(Actor customer, String email, StartChatRequest request) {
        if (!customer.isCustomer()) {
            throw ChatRejectedException.forbidden("CUSTOMERS_ONLY", "only customers and guests start chats");
        }
        Priority priority = request.priority() == null ? Priority.MEDIUM : Priority.fromWire(request.priority())
                .orElseThrow(() -> ChatRejectedException.invalid("priority", "INVALID_PRIORITY",
                        "priority must be one of low, medium, high, urgent"));
        String category = blank(request.category()) ? "general" : request.category().trim();
        String subject = blank(request.subject()) ? subjectFrom(request.message()) : request.subject().trim();
        StartChatResult result = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), customer,
                email, subject, category, priority, UUID.randomUUID().toString(), request.message(),
                request.attachmentIds(), request.clientMessageId()));
        ChatFromEvents.Folded chat = readBack.started(result.chatId(), customer, result.version(), result.state());
        return new StartedChat(chat.chat(), chat.messages(), result.existing());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String subjectFrom(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        if (line.isEmpty()) return "Support request";
        return line.codePointCount(0, line.length()) <= SUBJECT_FROM_MESSAGE ? line
                : line.substring(0, line.offsetByCodePoints(0, SUBJECT_FROM_MESSAGE - 1)) + "…";
    }
}
