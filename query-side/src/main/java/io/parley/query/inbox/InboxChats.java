package io.parley.query.inbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The inbox read model's public face: one chat, filtered listings, and how far a chat has been projected. */
@Component
public class InboxChats {
    /** Newest activity first; the id keeps pages stable when two chats moved in the same millisecond. */
    private static final Sort NEWEST_ACTIVITY_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("chatId"));

    private final InboxChatRepository repository;

    InboxChats(InboxChatRepository repository) {
        this.repository = repository;
    }

    public Optional<InboxChat> find(String chatId) {
        return repository.findById(chatId).map(InboxChatEntity::toValue);
    }

    /** One page (1-based) of the chats matching {@code filter}, newest activity first. */
    public Page<InboxChat> search(InboxFilter filter, int page, int limit) {
        return repository.findAll(InboxSpecifications.matching(filter),
                        PageRequest.of(page - 1, limit, NEWEST_ACTIVITY_FIRST))
                .map(InboxChatEntity::toValue);
    }

    /** The aggregate version the inbox reflects for this chat, -1 when it has not seen the chat yet. */
    public long version(String chatId) {
        return repository.findVersion(chatId).orElse(-1L);
    }
}
