package io.parley.query.inbox;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The inbox read model's public face: one chat, filtered listings, and how far a chat has been projected. */
@Component
public class InboxChats {
    private final InboxChatRepository repository;
    private final NamedParameterJdbcTemplate jdbc;
    private final SearchDocument document;

    InboxChats(InboxChatRepository repository, NamedParameterJdbcTemplate jdbc, SearchDocument document) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.document = document;
    }

    public Optional<InboxChat> find(String chatId) {
        return repository.findById(chatId).map(InboxChatEntity::toValue);
    }

    /**
     * One page (1-based) of the chats matching {@code filter}, newest activity first. The total is counted only
     * when the page does not tell it (a first page that is not full needs no count), as Spring Data does.
     */
    public Page<InboxChat> search(InboxFilter filter, int page, int limit) {
        InboxListing listing = new InboxListing(filter, document);
        List<InboxChat> chats = jdbc.query(listing.page(page - 1, limit), listing.parameters(),
                InboxRows.TABLE.mapper()).stream().map(InboxChatEntity::toValue).toList();
        return PageableExecutionUtils.getPage(chats, PageRequest.of(page - 1, limit),
                () -> jdbc.queryForObject(listing.count(), listing.parameters(), Long.class));
    }

    /** The aggregate version the inbox reflects for this chat, -1 when it has not seen the chat yet. */
    public long version(String chatId) {
        return repository.findVersion(chatId).orElse(-1L);
    }
}
