package io.parley.dialects.gs365;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.RestCaller;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.ChatStatus;
import io.parley.shared.Pagination;
import io.parley.shared.Priority;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.UnreadCountsView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 000's REST API ({@code /api/chats/...}, {@code /api/messages/...}) under {@code /compat/gs365}. Ids the
 * seed puts in paths or bodies for the caller ({@code userId}, {@code guestId}, {@code adminId},
 * {@code readerId}, {@code senderId}) must be the token's.
 */
@RestController
@RequestMapping("/compat/gs365/api")
class Gs365Controller {
    static final int MAX_LIMIT = 100;

    private final CommandGateway commands;
    private final ChatReads reads;
    private final RestCaller caller;

    Gs365Controller(CommandGateway commands, ChatReads reads, RestCaller caller) {
        this.commands = commands;
        this.reads = reads;
        this.caller = caller;
    }

    @PostMapping("/chats/user")
    ResponseEntity<ApiResponse<Map<String, Object>>> start(@RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields fields = Fields.of(body, false);
        fields.claimedSelf("userId", actor.id());
        if (!actor.isCustomer()) throw DialectException.forbidden("only customers start chats");
        String subject = fields.optionalText("subject");
        String message = fields.requiredText("initialMessage",
                "initialMessage is required: a Parley chat starts with its first message");
        StartChatResult result = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), actor,
                reads.email(actor.id()), subject == null || subject.isBlank() ? "Support request" : subject.trim(),
                "general", Priority.MEDIUM, UUID.randomUUID().toString(), message, List.of(), null));
        Map<String, Object> chat = Gs365Names.chat(reads.chat(result.chatId(), actor, result.version()));
        chat.put("isExisting", result.existing());
        return ResponseEntity.status(result.existing() ? 200 : 201).body(ApiResponse.ok(chat));
    }

    @GetMapping({"/chats/user/{customerId}", "/chats/guest/{customerId}"})
    ApiResponse<List<Map<String, Object>>> mine(@PathVariable String customerId,
                                                @RequestParam(defaultValue = "1") int page,
                                                @RequestParam(defaultValue = "20") int limit) {
        Actor actor = caller.require();
        if (!customerId.equals(actor.id())) throw DialectException.forbidden("only your own chats");
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) throw DialectException.invalid("bad page or limit");
        ChatPage chats = reads.mine(actor, page, limit);
        return ApiResponse.page(chats.items().stream().map(Gs365Names::chat).toList(),
                Pagination.of(page, limit, chats.total()));
    }

    @GetMapping("/chats/admin/{adminId}/unread-count")
    ApiResponse<UnreadCountsView> unread(@PathVariable String adminId) {
        Actor actor = caller.require();
        if (!adminId.equals(actor.id())) throw DialectException.forbidden("adminId does not match the token");
        return ApiResponse.ok(reads.unread(actor));
    }

    @GetMapping("/chats/{chatId}")
    ApiResponse<Map<String, Object>> chat(@PathVariable String chatId) {
        return ApiResponse.ok(Gs365Names.chat(reads.chat(Fields.pathId(chatId), caller.require(), 0)));
    }

    @PostMapping("/chats/{chatId}/status")
    ApiResponse<Map<String, Object>> status(@PathVariable String chatId, @RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields fields = Fields.of(body, false);
        ChatStatus status = ChatStatus.fromWire(fields.requiredId("status")).orElseThrow(() ->
                DialectException.invalid("status must be one of open, in_progress, pending, resolved, closed"));
        ChatChanged changed = commands.sendAndWait(new ChangeStatusCommand(Fields.pathId(chatId), actor, status,
                fields.optionalText("resolutionSummary")));
        return ApiResponse.ok(Gs365Names.chat(reads.chat(chatId, actor, changed.version())));
    }

    @PostMapping("/chats/{chatId}/assign")
    ApiResponse<Map<String, Object>> assign(@PathVariable String chatId, @RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        String adminId = Fields.of(body, true).optionalId("adminId");
        String agentName = null;
        if (adminId != null && !adminId.equals(actor.id())) {
            AccountView agent = reads.account(adminId);
            if (agent == null || !(agent.role().equals("agent") || agent.role().equals("admin"))) {
                throw new DialectException(io.parley.shared.error.ErrorCode.NOT_FOUND, "admin not found");
            }
            agentName = agent.name();
        } else {
            adminId = null;
        }
        ChatChanged changed = commands.sendAndWait(new AssignAgentCommand(Fields.pathId(chatId), actor, adminId,
                agentName));
        return ApiResponse.ok(Gs365Names.chat(reads.chat(chatId, actor, changed.version())));
    }

    @GetMapping("/messages/{chatId}")
    ApiResponse<List<Map<String, Object>>> messages(@PathVariable String chatId) {
        Actor actor = caller.require();
        return ApiResponse.ok(reads.messages(Fields.pathId(chatId), actor, 0).stream()
                .map(Gs365Names::message).toList());
    }

    @PostMapping("/messages/{chatId}/mark-read")
    ApiResponse<Map<String, Object>> markRead(@PathVariable String chatId, @RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields fields = Fields.of(body, true);
        fields.claimedSelf("readerId", actor.id());
        Gs365Names.checkType(fields.raw("readerType"), actor);
        PointerMoved moved = commands.sendAndWait(new MarkReadCommand(Fields.pathId(chatId), actor, null));
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("chatId", chatId);
        read.put("readBy", actor.id());
        read.put("upToSeq", moved.upToSeq());
        read.put("readAt", moved.at());
        return ApiResponse.ok(read);
    }

    @PostMapping("/messages")
    ResponseEntity<ApiResponse<Map<String, Object>>> send(@RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields fields = Fields.of(body, false);
        fields.claimedSelf("senderId", actor.id());
        Gs365Names.checkType(fields.raw("senderType"), actor);
        String chatId = fields.requiredId("chatId");
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(chatId, actor,
                UUID.randomUUID().toString(), fields.requiredText("content", "content is required"), List.of(),
                fields.optionalText("clientMessageId")));
        Map<String, Object> message = accepted.message() != null ? Gs365Names.message(accepted.message())
                : Map.of("id", accepted.messageId(), "chatId", chatId, "seq", accepted.seq());
        return ResponseEntity.status(accepted.duplicate() ? 200 : 201).body(ApiResponse.ok(message));
    }
}
