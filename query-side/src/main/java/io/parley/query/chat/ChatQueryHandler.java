package io.parley.query.chat;

import io.parley.query.history.HistoryMessages;
import io.parley.query.inbox.InboxChat;
import io.parley.query.inbox.InboxChats;
import io.parley.query.inbox.InboxFilter;
import io.parley.query.inbox.QueuePositions;
import io.parley.query.unread.ChatPointers;
import io.parley.query.unread.UnreadChats;
import io.parley.shared.Actor;
import io.parley.shared.Side;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ReadModelLateException;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatSidesView;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchChatSidesQuery;
import io.parley.shared.query.FetchInboxQuery;
import io.parley.shared.query.FetchMyChatsQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Answers chat queries: one chat, a customer's own chats, and the staff inbox. */
@Component
public class ChatQueryHandler {
    private final InboxChats inbox;
    private final HistoryMessages history;
    private final UnreadChats unread;
    private final ReadYourWrites readYourWrites;
    private final QueuePositions queue;

    ChatQueryHandler(InboxChats inbox, HistoryMessages history, UnreadChats unread, ReadYourWrites readYourWrites,
                     QueuePositions queue) {
        this.queue = queue;
        this.inbox = inbox;
        this.history = history;
        this.unread = unread;
        this.readYourWrites = readYourWrites;
    }

    @QueryHandler
    public ChatView handle(FetchChatQuery query) {
        if (!readYourWrites.await(query.chatId(), query.minVersion()) && query.lateIsError()) {
            throw new ReadModelLateException(query.chatId(), query.minVersion());
        }
        InboxChat chat = inbox.find(query.chatId())
                .filter(found -> ChatAccess.canRead(query.viewer(), found.customerId()))
                .orElseThrow(() -> ChatRejectedException.notFound("chat"));
        return compose(List.of(chat), query.viewer()).get(0);
    }

    /** Both sides' views of a chat from one read: every inboxUpdate push asks this once instead of twice. */
    @QueryHandler
    public ChatSidesView handle(FetchChatSidesQuery query) {
        readYourWrites.await(query.chatId(), query.minVersion());
        InboxChat chat = inbox.find(query.chatId()).orElseThrow(() -> ChatRejectedException.notFound("chat"));
        MessageView last = history.lastOf(List.of(chat.chatId())).get(chat.chatId());
        ChatPointers pointers = unread.of(List.of(chat.chatId())).get(chat.chatId());
        return new ChatSidesView(ChatViews.of(chat, last, pointers, Side.STAFF),
                ChatViews.of(chat, last, pointers, Side.CUSTOMER));
    }

    @QueryHandler
    public ChatPage handle(FetchMyChatsQuery query) {
        ChatAccess.checkCustomer(query.viewer());
        ListRules.checkPaging(query.page(), query.limit());
        return page(InboxFilter.customer(query.viewer().id()), query.page(), query.limit(), query.viewer());
    }

    @QueryHandler
    public ChatPage handle(FetchInboxQuery query) {
        ChatAccess.checkStaff(query.viewer());
        ListRules.checkPaging(query.page(), query.limit());
        return page(ListRules.inboxFilter(query), query.page(), query.limit(), query.viewer());
    }

    private ChatPage page(InboxFilter filter, int page, int limit, Actor viewer) {
        Page<InboxChat> found = inbox.search(filter, page, limit);
        return new ChatPage(compose(found.getContent(), viewer), page, limit, found.getTotalElements());
    }

    /** Fetches last messages and pointers for a whole page at once rather than chat by chat. */
    private List<ChatView> compose(List<InboxChat> chats, Actor viewer) {
        List<String> ids = chats.stream().map(InboxChat::chatId).toList();
        Map<String, MessageView> lastMessages = history.lastOf(ids);
        Map<String, ChatPointers> pointers = unread.of(ids);
        Map<String, Integer> positions = queue.of(chats);
        return chats.stream()
                .map(chat -> ChatViews.of(chat, lastMessages.get(chat.chatId()), pointers.get(chat.chatId()), viewer,
                        positions.get(chat.chatId())))
                .toList();
    }
}
