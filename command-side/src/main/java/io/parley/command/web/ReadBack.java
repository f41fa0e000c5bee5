package io.parley.command.web;

import io.parley.shared.Actor;
import io.parley.shared.command.ChatState;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.error.ReadModelLateException;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.FetchMessageQuery;
import io.parley.shared.query.FetchMessagesQuery;
import io.parley.shared.query.MessageView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Reads a chat back after a write, from the read models at the version the write committed (so the answer
 * matches what the next read shows). When they are late past the read-your-writes wait, the answer is built
 * from the chat's stored events: a write that was stored is never answered with 404 or an older chat.
 */
@Component
class ReadBack {
    private static final Logger log = LoggerFactory.getLogger(ReadBack.class);
    static final int START_MESSAGES = 50;

    private final QueryGateway queries;
    private final ChatFromEvents events;

    ReadBack(QueryGateway queries, ChatFromEvents events) {
        this.queries = queries;
        this.events = events;
    }

    ChatView chat(String chatId, Actor viewer, long version, ChatState state) {
        try {
            return queries.query(new FetchChatQuery(chatId, viewer, version, true), ChatView.class).join();
        } catch (RuntimeException e) {
            if (!late(e)) throw e;
            return fromEvents(chatId, viewer, state).chat();
        }
    }

    /** A started chat and its latest messages. */
    ChatFromEvents.Folded started(String chatId, Actor viewer, long version, ChatState state) {
        ChatView chat;
        try {
            chat = queries.query(new FetchChatQuery(chatId, viewer, version, true), ChatView.class).join();
        } catch (RuntimeException e) {
            if (!late(e)) throw e;
            return fromEvents(chatId, viewer, state);
        }
        List<MessageView> messages = queries.query(new FetchMessagesQuery(chatId, viewer, null, null,
                START_MESSAGES, version), ResponseTypes.multipleInstancesOf(MessageView.class)).join();
        return new ChatFromEvents.Folded(chat, messages);
    }

    /** The original of a retried send, which only the history read model or the events still hold. */
    MessageView message(String chatId, long seq, Actor viewer, long version) {
        try {
            return queries.query(new FetchMessageQuery(chatId, seq, viewer, version), MessageView.class).join();
        } catch (RuntimeException e) {
            ChatRejectedException rejected = cause(e, ChatRejectedException.class);
            if (rejected == null || rejected.code() != ErrorCode.NOT_FOUND) throw e;
            return events.message(chatId, seq).orElseThrow(() -> e);
        }
    }

    private ChatFromEvents.Folded fromEvents(String chatId, Actor viewer, ChatState state) {
        log.warn("read models of chat {} are late; answering the write from its events", chatId);
        return events.fold(chatId, viewer, state, START_MESSAGES)
                .orElseThrow(() -> ChatRejectedException.notFound("chat"));
    }

    private static boolean late(Throwable failure) {
        return cause(failure, ReadModelLateException.class) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
