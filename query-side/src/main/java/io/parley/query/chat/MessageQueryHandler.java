package io.parley.query.chat;

import io.parley.query.history.HistoryMessages;
import io.parley.query.inbox.InboxChat;
import io.parley.query.inbox.InboxChats;
import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.FetchMessageQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers message queries of chats the viewer may read. */
@Component
public class MessageQueryHandler {
    private final InboxChats inbox;
    private final HistoryMessages history;
    private final ReadYourWrites readYourWrites;

    MessageQueryHandler(InboxChats inbox, HistoryMessages history, ReadYourWrites readYourWrites) {
        this.inbox = inbox;
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    /** Ascending by seq; see {@link HistoryMessages#page} for which window. */
    @QueryHandler
    public List<MessageView> handle(FetchMessagesQuery query) {
        ListRules.checkMessageWindow(query.afterSeq(), query.beforeSeq(), query.limit());
        readYourWrites.await(query.chatId(), query.minVersion());
        checkCanRead(query.chatId(), query.viewer());
        return history.page(query.chatId(), query.afterSeq(), query.beforeSeq(), query.limit());
    }

    @QueryHandler
    public MessageView handle(FetchMessageQuery query) {
        readYourWrites.await(query.chatId(), query.minVersion());
        checkCanRead(query.chatId(), query.viewer());
        return history.find(query.chatId(), query.seq())
                .orElseThrow(() -> ChatRejectedException.notFound("message"));
    }

    private void checkCanRead(String chatId, Actor viewer) {
        String customerId = inbox.find(chatId).map(InboxChat::customerId)
                .orElseThrow(() -> ChatRejectedException.notFound("chat"));
        ChatAccess.checkCanRead(viewer, customerId);
    }
}
