package io.parley.realtime.push;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.shared.query.MessageView;
import org.springframework.stereotype.Component;

/**
 * The last message of each recently active chat that this node committed, for the {@code lastMessage} of an
 * inbox update whose command sent no message (a read receipt). Bounded; a miss is answered from the read model.
 */
@Component
class LastMessages {
    static final int MAX_CHATS = 100_000;

    private final Cache<String, MessageView> last = Caffeine.newBuilder().maximumSize(MAX_CHATS).build();

    void remember(MessageView message) {
        last.asMap().merge(message.chatId(), message, (old, next) -> next.seq() >= old.seq() ? next : old);
    }

    /** The chat's message with exactly this seq, if it is the one remembered. */
    MessageView at(String chatId, long seq) {
        MessageView message = last.getIfPresent(chatId);
        return message != null && message.seq() == seq ? message : null;
    }
}
