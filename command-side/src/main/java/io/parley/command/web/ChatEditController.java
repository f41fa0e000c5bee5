package io.parley.command.web;

import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Priority;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.EditChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PATCH /api/chats/{id}}: staff edit a chat's subject, priority, category and tags. A body naming no field
 * is refused (400); one that changes nothing answers the chat as it is and stores nothing.
 */
@RestController
@RequestMapping("/api/chats")
class ChatEditController {
    private final CommandGateway commands;
    private final ReadBack readBack;

    ChatEditController(CommandGateway commands, ReadBack readBack) {
        this.commands = commands;
        this.readBack = readBack;
    }

    @PatchMapping("/{chatId}")
    ApiResponse<ChatView> edit(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                               @Valid @RequestBody EditChatRequest request) {
        if (!actor.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins edit a chat");
        }
        if (request.isEmpty()) {
            throw new ChatRejectedException(ErrorCode.VALIDATION_FAILED, "NOTHING_TO_CHANGE",
                    "name at least one of subject, priority, category, tags");
        }
        Priority priority = request.priority() == null ? null : Priority.fromWire(request.priority())
                .orElseThrow(() -> ChatRejectedException.invalid("priority", "INVALID_PRIORITY",
                        "priority must be one of low, medium, high, urgent"));
        ChatChanged changed = commands.sendAndWait(new EditChatCommand(ChatIds.check(chatId), actor,
                request.subject(), priority, request.category(), request.tags()));
        return ApiResponse.ok(readBack.chat(chatId, actor, changed.version(), changed.state()));
    }
}
