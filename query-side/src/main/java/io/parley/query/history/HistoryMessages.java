package io.parley.query.history;

import io.parley.shared.query.MessageView;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The history read model's public face: a chat's messages by seq, and how far a chat has been projected. */
@Component
public class HistoryMessages {
    private final HistoryMessageRepository messages;
    private final HistoryChatRepository chats;

    HistoryMessages(HistoryMessageRepository messages, HistoryChatRepository chats) {
        this.messages = messages;
        this.chats = chats;
    }

    /**
     * Up to {@code limit} messages ascending by seq, strictly between {@code afterSeq} and {@code beforeSeq}
     * (null: unbounded). With an afterSeq, the first ones after it; without, the latest ones. A chat's seqs run
     * 1, 2, 3 … without gaps, so every window is a bounded primary-key range read in index order: the cost of a
     * page does not grow with the chat (an open-ended range sorted in reverse made H2 read the whole chat).
     */
    public List<MessageView> page(String chatId, Long afterSeq, Long beforeSeq, int limit) {
        long from;
        long to;
        if (afterSeq != null) {
            from = afterSeq;
            to = afterSeq + limit + 1;
            if (beforeSeq != null) to = Math.min(to, beforeSeq);
        } else {
            // The projection writes a chat's row with its first message: no row, no messages.
            Long upper = beforeSeq != null ? beforeSeq
                    : chats.findById(chatId).map(chat -> chat.lastSeq + 1).orElse(null);
            if (upper == null) return List.of();
            to = upper;
            from = to - limit - 1;
        }
        return messages.findRange(chatId, from, to, Limit.of(limit)).stream().map(MessageViews::of).toList();
    }

    public Optional<MessageView> find(String chatId, long seq) {
        return messages.findById(new HistoryMessageKey(chatId, seq)).map(MessageViews::of);
    }

    /** The last message of each of these chats that has one. */
    public Map<String, MessageView> lastOf(Collection<String> chatIds) {
        if (chatIds.isEmpty()) return Map.of();
        if (chatIds.size() == 1) {
            // One chat (a chat view, every inboxUpdate push): a query whose SQL is planned once, unlike an IN list.
            String chatId = chatIds.iterator().next();
            return messages.findLast(chatId).map(MessageViews::of).map(last -> Map.of(chatId, last))
                    .orElse(Map.of());
        }
        return messages.findLastOf(chatIds).stream().map(MessageViews::of)
                .collect(Collectors.toMap(MessageView::chatId, Function.identity()));
    }

    /** The aggregate version the history reflects for this chat, -1 when it has not seen the chat yet. */
    public long version(String chatId) {
        return chats.findVersion(chatId).orElse(-1L);
    }
}
