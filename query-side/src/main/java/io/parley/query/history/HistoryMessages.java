package io.parley.query.history;

import io.parley.shared.query.MessageView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
     * (null: unbounded). With an afterSeq, the first ones after it; without, the latest ones.
     */
    public List<MessageView> page(String chatId, Long afterSeq, Long beforeSeq, int limit) {
        long after = afterSeq == null ? Long.MIN_VALUE : afterSeq;
        long before = beforeSeq == null ? Long.MAX_VALUE : beforeSeq;
        Sort.Direction direction = afterSeq != null ? Sort.Direction.ASC : Sort.Direction.DESC;
        List<MessageView> found = new ArrayList<>(messages.findByChatIdAndSeqGreaterThanAndSeqLessThan(
                        chatId, after, before, PageRequest.of(0, limit, Sort.by(direction, "seq")))
                .stream().map(MessageViews::of).toList());
        if (direction == Sort.Direction.DESC) Collections.reverse(found);
        return found;
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
