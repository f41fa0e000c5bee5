package io.parley.query.inbox;

import io.parley.query.projection.ProjectionBatches;
import io.parley.server.audit.V6_1__Chain_existing_events;
import io.parley.server.search.V10_1__Message_search_index;
import io.parley.server.search.V14_1__Inbox_search_document;
import io.parley.server.support.PostgresAvailable;
import io.parley.server.support.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat's search document on PostgreSQL, migrated as the server migrates: the words of a chat far longer than
 * tsvector's 1 MB can hold are written without an error (an error would stop the projection), the document stops
 * growing below the limit, and what was said before that is still found.
 */
@ExtendWith(PostgresAvailable.class)
class SearchDocumentPostgresIT {
    private static final int MESSAGE_CHARACTERS = 16_000;

    private NamedParameterJdbcTemplate jdbc;
    private SearchDocument document;

    @BeforeEach
    void migrate() throws Exception {
        PostgresServer server = PostgresServer.get().orElseThrow();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.freshSchemaUrl(), server.user(),
                server.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V6_1__Chain_existing_events(), new V10_1__Message_search_index(),
                        new V14_1__Inbox_search_document())
                .load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        document = new SearchDocument(dataSource);
    }

    @Test
    void aChatLongerThanADocumentCanHoldKeepsItsFirstWordsWithoutAnError() {
        InboxChatEntity chat = new InboxChatEntity("chat-1", 0, Instant.parse("2026-12-03T10:00:00Z"));
        chat.ticketNumber = "TKT-2026-000001";
        chat.category = "general";
        chat.customerId = "customer-1";
        chat.customerType = "user";
        jdbc.update(InboxRows.TABLE.insert(), InboxRows.TABLE.parameters(chat));

        InboxWrites writes = new InboxWrites(new ProjectionBatches(jdbc), document);
        int messages = 80; // 80 messages of distinct words: well over 1 MB of words and positions
        for (int m = 0; m < messages; m++) writes.said("chat-1", distinctWords(m));
        writes.flush(jdbc);

        Integer bytes = jdbc.queryForObject("SELECT pg_column_size(message_words) FROM inbox_chat", Map.of(),
                Integer.class);
        assertThat(bytes).isBetween(500_000, SearchDocument.MAX_DOCUMENT_BYTES);
        assertThat(found(word(0, 0))).containsExactly("chat-1");
        assertThat(found(word(messages - 1, 0))).isEmpty();
    }

    private List<String> found(String text) {
        InboxFilter filter = new InboxFilter(Set.of(), null, false, null, null, null, text, null, true);
        return new InboxChats(null, jdbc, document).search(filter, 1, 20).map(InboxChat::chatId).getContent();
    }

    /** About 16,000 characters of words no other message says, each letters only. */
    private static String distinctWords(int message) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; text.length() < MESSAGE_CHARACTERS - 20; w++) text.append(word(message, w)).append(' ');
        return text.toString();
    }

    private static String word(int message, int w) {
        return letters(message) + "q" + letters(w);
    }

    /** A number written with the letters a..j, so the 'simple' parser sees one word. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : String.format("%03d", n).toCharArray()) out.append((char) ('a' + (c - '0')));
        return out.toString();
    }
}
