package io.parley.dialects.core;

import io.parley.shared.Actor;
import io.parley.shared.query.AccountView;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchAccountQuery;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchInboxQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.FetchMyChatsQuery;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.FetchUnreadCountsQuery;
import io.parley.shared.query.UnreadCountsView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/** The queries every dialect reads through, as the caller (so Parley's access rules apply unchanged). */
@Component
public class ChatReads {
    /** As many messages as Parley's own history call gives at once. */
    public static final int MAX_MESSAGES = 200;

    private final QueryGateway queries;
    private final EventStore events;

    ChatReads(QueryGateway queries, EventStore events) {
        this.queries = queries;
        this.events = events;
    }

    /**
     * The chat as {@code viewer} may see it (NOT_FOUND otherwise), at least at {@code minVersion}; 0: as stored
     * now, so a client reading right after its own write (a seed client does not say so) sees it.
     */
    public ChatView chat(String chatId, Actor viewer, long minVersion) {
        return queries.query(new FetchChatQuery(chatId, viewer, atLeastStored(chatId, minVersion)), ChatView.class)
                .join();
    }

    /** The chat's latest messages, ascending by seq, read like {@link #chat}. */
    public List<MessageView> messages(String chatId, Actor viewer, long minVersion) {
        return queries.query(new FetchMessagesQuery(chatId, viewer, null, null, MAX_MESSAGES,
                        atLeastStored(chatId, minVersion)),
                ResponseTypes.multipleInstancesOf(MessageView.class)).join();
    }

    public ChatPage mine(Actor viewer, int page, int limit) {
        return queries.query(new FetchMyChatsQuery(viewer, page, limit), ChatPage.class).join();
    }

    public ChatPage inbox(Actor viewer, List<String> statuses, String assignee, int page, int limit) {
        return queries.query(new FetchInboxQuery(viewer, statuses, assignee, null, null, null, page, limit),
                ChatPage.class).join();
    }

    private long atLeastStored(String chatId, long minVersion) {
        return minVersion > 0 ? minVersion : events.lastSequenceNumberFor(chatId).orElse(0L);
    }

    public UnreadCountsView unread(Actor viewer) {
        return queries.query(new FetchUnreadCountsQuery(viewer), UnreadCountsView.class).join();
    }

    /** An account, or null (guests have none on record). */
    public AccountView account(String accountId) {
        return queries.query(new FetchAccountQuery(accountId), AccountView.class).join();
    }

    /** The email of an account, or null (guests have none on record). */
    public String email(String accountId) {
        AccountView account = queries.query(new FetchAccountQuery(accountId), AccountView.class).join();
        return account == null ? null : account.email();
    }
}
