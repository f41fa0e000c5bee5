package io.parley.query.inbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.Locale;

/**
 * How a chat's message_words (migration V14) is written and matched on this database. PostgreSQL: a tsvector
 * ('simple' configuration: any language, lowercased, never stemmed) searched with websearch_to_tsquery through a
 * GIN index. H2: the lowercased text itself, matched as a substring (fine for the embedded default's sizes).
 */
@Component
class SearchDocument {
    /**
     * A document stops growing below tsvector's 1 MB limit (a concatenation past it is an error, which would stop
     * the projection): a chat's words said after that are not found. pg_column_size is the real size because
     * the column is stored uncompressed (V14_1).
     */
    static final int MAX_DOCUMENT_BYTES = 1_000_000;

    private static final String POSTGRES_APPEND = "UPDATE inbox_chat SET message_words = CASE"
            + " WHEN message_words IS NULL THEN said.words"
            + " WHEN pg_column_size(message_words) + pg_column_size(said.words) < " + MAX_DOCUMENT_BYTES
            + " THEN message_words || said.words ELSE message_words END"
            + " FROM (SELECT to_tsvector('simple', CAST(:text AS text)) AS words) said WHERE chat_id = :chatId";
    private static final String H2_APPEND = "UPDATE inbox_chat SET message_words ="
            + " COALESCE(message_words || CHAR(10), '') || :text WHERE chat_id = :chatId";

    private final boolean postgres;

    @Autowired
    SearchDocument(DataSource dataSource) throws MetaDataAccessException {
        this("PostgreSQL".equalsIgnoreCase(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)));
    }

    SearchDocument(boolean postgres) {
        this.postgres = postgres;
    }

    /** Adds {@code :text} (some messages of one chat) to the words of chat {@code :chatId}. */
    String appendStatement() {
        return postgres ? POSTGRES_APPEND : H2_APPEND;
    }

    /** A message as the document takes it. Messages are joined by line breaks, so no word runs into the next. */
    String text(String content) {
        return postgres ? content : content.toLowerCase(Locale.ROOT);
    }

    /** The condition "the chat's messages say {@code :words}" of the inbox listing. */
    String matchCondition() {
        return postgres ? "message_words @@ websearch_to_tsquery('simple', :words)"
                : "LOCATE(:words, message_words) > 0";
    }

    /** The searcher's text as {@link #matchCondition()} takes it. */
    String words(String text) {
        String trimmed = text.trim();
        return postgres ? trimmed : trimmed.toLowerCase(Locale.ROOT);
    }
}
