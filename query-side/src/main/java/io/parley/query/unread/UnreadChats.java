package io.parley.query.unread;

import io.parley.shared.ChatStatus;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The unread read model's public face: pointers of one chat, of some chats, or of a person's chats. */
@Component
public class UnreadChats {
    private static final EnumSet<ChatStatus> ACTIVE = EnumSet.of(ChatStatus.OPEN, ChatStatus.IN_PROGRESS,
            ChatStatus.PENDING);

    private final UnreadChatRepository repository;

    UnreadChats(UnreadChatRepository repository) {
        this.repository = repository;
    }

    public Optional<ChatPointers> find(String chatId) {
        return repository.findById(chatId).map(UnreadChatEntity::toValue);
    }

    public Map<String, ChatPointers> of(Collection<String> chatIds) {
        if (chatIds.isEmpty()) return Map.of();
        if (chatIds.size() == 1) {
            // One chat (a chat view, every inboxUpdate push): a key lookup, not a criteria query built per call.
            String chatId = chatIds.iterator().next();
            return find(chatId).map(pointers -> Map.of(chatId, pointers)).orElse(Map.of());
        }
        return repository.findAllById(chatIds).stream().map(UnreadChatEntity::toValue)
                .collect(Collectors.toMap(ChatPointers::chatId, Function.identity()));
    }

    /** Every chat of this customer, whatever its status. */
    public List<ChatPointers> ofCustomer(String customerId) {
        return values(repository.findByCustomerIdOrderByChatId(customerId));
    }

    /** The chats this agent holds that are not closed. */
    public List<ChatPointers> heldBy(String agentId) {
        return values(repository.findByAgentIdAndStatusNotOrderByChatId(agentId, ChatStatus.CLOSED));
    }

    /** Every open, in-progress or pending chat. */
    public List<ChatPointers> active() {
        return values(repository.findByStatusInOrderByChatId(ACTIVE));
    }

    /** The aggregate version the unread model reflects for this chat, -1 when it has not seen the chat yet. */
    public long version(String chatId) {
        return repository.findVersion(chatId).orElse(-1L);
    }

    private static List<ChatPointers> values(List<UnreadChatEntity> rows) {
        return rows.stream().map(UnreadChatEntity::toValue).toList();
    }
}
