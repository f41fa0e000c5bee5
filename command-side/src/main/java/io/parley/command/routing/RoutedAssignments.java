package io.parley.command.routing;

import io.parley.command.routing.RoutingTables.RoutedChat;
import io.parley.shared.Role;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.ChatState;
import io.parley.shared.error.ChatRejectedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs inside the transaction of each router assignment (actor {@code system}): first renews this node's claim on
 * the router's segment, which fails unless the node still holds it and keeps the claim row locked until the
 * assignment commits, so no other node can become the router meanwhile; then records the outcome in the
 * router's tables, which therefore commit or roll back with the assignment's events.
 */
@Component
@ConditionalOnProperty(name = "chat.auto-assign", havingValue = "true")
class RoutedAssignments implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final TokenStore tokens;
    private final RoutingTables tables;

    RoutedAssignments(TokenStore tokens, RoutingTables tables) {
        this.tokens = tokens;
        this.tables = tables;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (!(unitOfWork.getMessage().getPayload() instanceof AssignAgentCommand command)
                || command.actor() == null || command.actor().role() != Role.SYSTEM) {
            return chain.proceed();
        }
        try {
            tokens.extendClaim(RoutingConfig.PROCESSOR, RoutingConfig.SEGMENT);
        } catch (UnableToClaimTokenException e) {
            throw ChatRejectedException.conflict("NOT_THE_ROUTER", "this node no longer routes chats");
        }
        Object result = chain.proceed();
        if (result instanceof ChatChanged changed) settle(command.chatId(), changed);
        return result;
    }

    /** The chat as the aggregate left it (ours, or a holder this node had not heard of yet) counts from now. */
    private void settle(String chatId, ChatChanged changed) {
        ChatState state = changed.state();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RoutedChat chat = tables.chat(chatId).orElse(null);
        if (chat == null) return;
        tables.update(chat.with(state.status(), state.agentId(), changed.version(), now));
        if (state.agentId() != null && state.status().isActive()) tables.assigned(state.agentId(), now);
    }
}
