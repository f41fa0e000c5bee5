package io.parley.query.inbox;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.type.StandardBasicTypes;

/**
 * {@code chat_mentions(chatId, text)}: whether a customer or staff message of the history read model says
 * {@code text}. PostgreSQL: full-text search ('simple' configuration, any language) served by the GIN index of
 * migration V10_1; elsewhere (H2): a case-insensitive substring. Registered with Hibernate through
 * META-INF/services.
 */
public class MessageSearchFunction implements FunctionContributor {
    static final String NAME = "chat_mentions";

    // Uncorrelated, so PostgreSQL runs it once per query (a hashed subplan over the index), not once per chat.
    private static final String POSTGRES = "(?1 in (select m.chat_id from history_message m"
            + " where m.sender_side is not null"
            + " and to_tsvector('simple', m.content) @@ websearch_to_tsquery('simple', ?2)))";
    private static final String PORTABLE = "(?1 in (select m.chat_id from history_message m"
            + " where m.sender_side is not null and locate(lower(?2), lower(m.content)) > 0))";

    @Override
    public void contributeFunctions(FunctionContributions functions) {
        String pattern = functions.getDialect() instanceof PostgreSQLDialect ? POSTGRES : PORTABLE;
        functions.getFunctionRegistry().registerPattern(NAME, pattern,
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN));
    }
}
