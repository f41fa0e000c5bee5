package io.parley.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.ChatStatus;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.CloseChatCommand;
import io.parley.shared.command.MarkReadCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.PointerMoved;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchAccountQuery;
import io.parley.shared.query.MessageView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The write half of the chat API: every change is a command. A send answers from its stored event; the other
 * changes answer with the chat read back at the version the command committed ({@link ReadBack}). A send's
 * latency is {@code parley.send.ack} with {@code transport=rest}, next to the socket's ({@code transport=socket}).
 */
@RestController
@RequestMapping("/api/chats")
class ChatCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ChatStarting starting;
    private final ReadBack readBack;
    private final Timer sendAcks;

    ChatCommandController(CommandGateway commands, QueryGateway queries, ChatStarting starting, ReadBack readBack,
                          MeterRegistry registry) {
        this.commands = commands;
        this.queries = queries;
        this.starting = starting;
        this.readBack = readBack;
        // Name, tags and buckets as the socket's (realtime push.PendingAcks): one histogram, two transports.
        this.sendAcks = Timer.builder("parley.send.ack")
                .description("from a send's arrival to its sender's acknowledgement with the stored message")
                .tag("transport", "rest")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    @PostMapping
    ResponseEntity<ApiResponse<StartedChat>> start(@AuthenticationPrincipal Actor actor,
                                                   @Valid @RequestBody StartChatRequest request) {
        AccountView account = queries.query(new FetchAccountQuery(actor.id()), AccountView.class).join();
        StartedChat started = starting.start(actor, account == null ? null : account.email(), request);
        return ResponseEntity.status(started.isExisting() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ApiResponse.ok(started));
    }

    @PostMapping("/{chatId}/messages")
    ResponseEntity<ApiResponse<MessageView>> send(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                                  @Valid @RequestBody SendMessageRequest request) {
        long started = System.nanoTime();
        MessageAccepted accepted = commands.sendAndWait(new SendMessageCommand(ChatIds.check(chatId), actor,
                IdentifierFactory.getInstance().generateIdentifier(), request.content(), request.attachmentIds(),
                request.clientMessageId()));
        // Answered from the stored event; only a retry's original comes from the history read model.
        MessageView message = accepted.message() != null ? accepted.message()
                : readBack.message(chatId, accepted.seq(), actor, accepted.version());
        sendAcks.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ApiResponse.ok(message));
    }

    @PostMapping("/{chatId}/assign")
    ApiResponse<ChatView> assign(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                 @Valid @RequestBody(required = false) AssignRequest request) {
        requireStaff(actor);
        String agentId = request == null ? null : request.agentId();
        String agentName = null;
        if (agentId != null && !agentId.equals(actor.id())) {
            AccountView agent = queries.query(new FetchAccountQuery(agentId), AccountView.class).join();
            if (agent == null || !(agent.role().equals("agent") || agent.role().equals("admin"))) {
                throw ChatRejectedException.notFound("agent");
            }
            if (!agent.active()) {
                throw ChatRejectedException.conflict("AGENT_DEACTIVATED", "this agent's account is deactivated");
            }
            agentName = agent.name();
        } else {
            agentId = null;
        }
        ChatChanged changed = commands.sendAndWait(new AssignAgentCommand(ChatIds.check(chatId), actor, agentId,
                agentName));
        return ApiResponse.ok(readBack.chat(chatId, actor, changed.version(), changed.state()));
    }

    @PostMapping("/{chatId}/status")
    ApiResponse<ChatView> status(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                 @Valid @RequestBody StatusRequest request) {
        requireStaff(actor);
        ChatStatus status = ChatStatus.fromWire(request.status()).orElseThrow(() -> ChatRejectedException.invalid(
                "status", "INVALID_STATUS", "status must be one of open, in_progress, pending, resolved, closed"));
        ChatChanged changed = commands.sendAndWait(new ChangeStatusCommand(ChatIds.check(chatId), actor, status,
                request.resolutionSummary()));
        return ApiResponse.ok(readBack.chat(chatId, actor, changed.version(), changed.state()));
    }

    @PostMapping("/{chatId}/close")
    ApiResponse<ChatView> close(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                @Valid @RequestBody(required = false) CloseRequest request) {
        ChatChanged changed = commands.sendAndWait(new CloseChatCommand(ChatIds.check(chatId), actor,
                request == null ? null : request.resolutionSummary()));
        return ApiResponse.ok(readBack.chat(chatId, actor, changed.version(), changed.state()));
    }

    @PostMapping("/{chatId}/read")
    ApiResponse<ReadReceipt> read(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                  @Valid @RequestBody(required = false) ReadRequest request) {
        PointerMoved moved = commands.sendAndWait(new MarkReadCommand(ChatIds.check(chatId), actor,
                request == null ? null : request.upToSeq()));
        // Wait for the read models too, so a client that re-reads the chat sees its own receipt; if they are
        // late, the receipt is still the stored one.
        readBack.chat(chatId, actor, moved.version(), moved.state());
        return ApiResponse.ok(new ReadReceipt(chatId, actor.id(), moved.upToSeq(), moved.at()));
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins may do this");
        }
    }
}
