package io.parley.server.accounts;

import io.parley.server.security.TokenService;
import io.parley.server.security.TokensRevoked;
import io.parley.shared.Actor;
import io.parley.shared.command.ReturnChatToQueueCommand;
import io.parley.shared.event.ChatReturnedToQueueEvent;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchInboxQuery;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What follows an admin's change to an account, once it is committed: a deactivated account loses every token
 * on every node (its sockets get {@code forceLogout}) and the chats it held go back to the queue; a changed role
 * ends the sessions whose tokens still carry the old one.
 */
@Service
class StaffLifecycle {
    private static final Logger log = LoggerFactory.getLogger(StaffLifecycle.class);
    private static final List<String> HELD = List.of("open,in_progress,pending,resolved");
    private static final int PAGE = 100;

    private final AccountChanges changes;
    private final TokenService tokens;
    private final QueryGateway queries;
    private final CommandGateway commands;

    StaffLifecycle(AccountChanges changes, TokenService tokens, QueryGateway queries, CommandGateway commands) {
        this.changes = changes;
        this.tokens = tokens;
        this.queries = queries;
        this.commands = commands;
    }

    AccountView update(Actor by, String id, UpdateAccountRequest request) {
        // Committed first: a login racing this either sees the account inactive or has its token revoked below.
        AccountChanges.Outcome outcome = changes.apply(by, id, request);
        if (outcome.deactivated()) {
            tokens.revokeAll(id, null, TokensRevoked.DEACTIVATED);
            returnHeldChats(by, id);
        } else if (outcome.roleChanged()) {
            tokens.revokeAll(id, null, TokensRevoked.ROLE_CHANGED);
        }
        return outcome.user();
    }

    /** Listed in full before any is returned: each return moves the chat out of the listing. */
    private void returnHeldChats(Actor by, String agentId) {
        Set<String> held = new LinkedHashSet<>();
        for (int page = 1; ; page++) {
            ChatPage found = queries.query(new FetchInboxQuery(by, HELD, agentId, null, null, null, page, PAGE),
                    ChatPage.class).join();
            found.items().stream().map(ChatView::id).forEach(held::add);
            if ((long) page * PAGE >= found.total()) break;
        }
        for (String chatId : held) {
            try {
                commands.sendAndWait(new ReturnChatToQueueCommand(chatId, by, agentId,
                        ChatReturnedToQueueEvent.AGENT_DEACTIVATED));
            } catch (RuntimeException e) {
                // The account is deactivated either way; one chat that failed must not keep the others held.
                log.warn("could not return chat {} of deactivated agent {} to the queue", chatId, agentId, e);
            }
        }
    }
}
