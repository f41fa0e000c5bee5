package io.parley.dialects.mydeeptech;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.MessageErrorShape;
import io.parley.dialects.core.RestCaller;
import io.parley.shared.Actor;
import io.parley.shared.Priority;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.CloseChatCommand;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Seed 003's REST API ({@code /api/chat/...}) under {@code /compat/mydeeptech}, as Parley commands and queries. */
@RestController
@MessageErrorShape
@RequestMapping("/compat/mydeeptech/api/chat")
class MyDeepTechController {
    private static final DateTimeFormatter SUBJECT_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");
    static final int MAX_LIMIT = 100;

    private final CommandGateway commands;
    private final ChatReads reads;
    private final RestCaller caller;

    MyDeepTechController(CommandGateway commands, ChatReads reads, RestCaller caller) {
        this.commands = commands;
        this.reads = reads;
        this.caller = caller;
    }

    @PostMapping("/start")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields fields = Fields.of(body, false);
        String message = fields.requiredText("message", "Initial message is required to start chat");
        String category = fields.optionalText("category");
        String priorityText = fields.optionalText("priority");
        Priority priority = priorityText == null ? Priority.MEDIUM : Priority.fromWire(priorityText)
                .orElseThrow(() -> DialectException.invalid("priority must be one of low, medium, high, urgent"));
        if (!actor.isCustomer()) throw DialectException.forbidden("only customers start chats");
        StartChatResult result = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), actor,
                reads.email(actor.id()), "Chat Support - " + LocalDate.now(ZoneOffset.UTC).format(SUBJECT_DATE),
                category == null || category.isBlank() ? "general" : category.trim(), priority,
                UUID.randomUUID().toString(), message, List.of(), null));
        ChatView chat = reads.chat(result.chatId(), actor, result.version());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", chat.id());
        data.put("ticketNumber", chat.ticketNumber());
        data.put("status", MyDeepTechNames.status(chat.status()));
        data.put("messages", reads.messages(chat.id(), actor, result.version()).stream()
                .map(MyDeepTechNames::message).toList());
        data.put("isExisting", result.existing());
        return ResponseEntity.status(result.existing() ? 200 : 201).body(ok(result.existing()
                ? "Chat session already exists" : "Chat session started successfully", data));
    }

    @GetMapping("/history")
    Map<String, Object> history(@RequestParam(defaultValue = "1") int page,
                                @RequestParam(defaultValue = "10") int limit) {
        Actor actor = caller.require();
        checkPage(page, limit);
        if (!actor.isCustomer()) throw DialectException.forbidden("chat history is for customers");
        ChatPage chats = reads.mine(actor, page, limit);
        int totalPages = (int) ((chats.total() + limit - 1) / limit);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("currentPage", page);
        pagination.put("totalPages", totalPages);
        pagination.put("totalChats", chats.total());
        pagination.put("hasNextPage", page < totalPages);
        pagination.put("hasPrevPage", page > 1);
        pagination.put("limit", limit);
        return ok("Chat history retrieved successfully", Map.of("chats", tickets(chats, actor),
                "pagination", pagination));
    }

    @GetMapping("/admin/active")
    Map<String, Object> active(@RequestParam(required = false) String status) {
        Actor actor = staff();
        ChatPage chats = reads.inbox(actor, MyDeepTechNames.statuses(status), null, 1, MAX_LIMIT);
        List<Map<String, Object>> tickets = tickets(chats, actor);
        return ok("Active chat tickets retrieved successfully", Map.of("chats", tickets, "count", tickets.size()));
    }

    @PostMapping("/admin/join/{ticketId}")
    Map<String, Object> join(@PathVariable String ticketId) {
        Actor actor = staff();
        Fields.pathId(ticketId);
        ChatChanged changed = commands.sendAndWait(new AssignAgentCommand(ticketId, actor, null, null));
        ChatView chat = reads.chat(ticketId, actor, changed.version());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", chat.id());
        data.put("ticketNumber", chat.ticketNumber());
        data.put("assignedTo", chat.assignedAgent() == null ? null : chat.assignedAgent().id());
        data.put("status", MyDeepTechNames.status(chat.status()));
        data.put("userName", chat.customer().name());
        data.put("userEmail", chat.customer().email());
        data.put("messages", reads.messages(ticketId, actor, changed.version()).stream()
                .map(MyDeepTechNames::message).toList());
        return ok("Successfully joined chat as admin", data);
    }

    @PostMapping("/admin/close/{ticketId}")
    Map<String, Object> close(@PathVariable String ticketId, @RequestBody(required = false) Object body) {
        Actor actor = staff();
        Fields.pathId(ticketId);
        String summary = Fields.of(body, true).optionalText("resolutionSummary");
        ChatChanged changed = commands.sendAndWait(new CloseChatCommand(ticketId, actor, summary));
        ChatView chat = reads.chat(ticketId, actor, changed.version());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ticketId", chat.id());
        data.put("ticketNumber", chat.ticketNumber());
        data.put("resolvedAt", chat.closedAt());
        data.put("resolutionSummary", chat.resolutionSummary());
        return ok("Chat session closed successfully", data);
    }

    @GetMapping("/{ticketId}")
    Map<String, Object> ticket(@PathVariable String ticketId) {
        Actor actor = caller.require();
        Fields.pathId(ticketId);
        ChatView chat = reads.chat(ticketId, actor, 0);
        return ok("Chat ticket retrieved successfully",
                Map.of("ticket", MyDeepTechNames.ticket(chat, reads.messages(ticketId, actor, 0))));
    }

    @PostMapping("/{ticketId}/message")
    ResponseEntity<Map<String, Object>> send(@PathVariable String ticketId, @RequestBody(required = false) Object body) {
        Actor actor = caller.require();
        Fields.pathId(ticketId);
        Fields fields = Fields.of(body, false);
        List<String> attachments = fields.optionalIds("attachments");
        String message = attachments.isEmpty() ? fields.requiredText("message", "message is required")
                : fields.optionalText("message");
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(ticketId, actor,
                UUID.randomUUID().toString(), message, attachments, null));
        MessageView stored = accepted.message();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("messageId", accepted.messageId());
        data.put("timestamp", stored == null ? null : stored.createdAt());
        data.put("ticketStatus", accepted.state() == null ? null
                : MyDeepTechNames.status(accepted.state().status().wire()));
        return ResponseEntity.status(201).body(ok("Message sent successfully", data));
    }

    private Actor staff() {
        Actor actor = caller.require();
        if (!actor.isStaff()) throw new DialectException(ErrorCode.FORBIDDEN, "admin access required");
        return actor;
    }

    private List<Map<String, Object>> tickets(ChatPage chats, Actor actor) {
        return chats.items().stream()
                .map(chat -> MyDeepTechNames.ticket(chat, reads.messages(chat.id(), actor, 0))).toList();
    }

    private static void checkPage(int page, int limit) {
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw DialectException.invalid("page must be ≥ 1 and limit between 1 and " + MAX_LIMIT);
        }
    }

    static Map<String, Object> ok(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", message);
        body.put("data", data);
        return body;
    }
}
