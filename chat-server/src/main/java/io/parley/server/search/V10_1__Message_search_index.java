package io.parley.server.search;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.Statement;

/**
 * The full-text index behind the inbox's search over message text (the query side's {@code chat_mentions}):
 * PostgreSQL only, 'simple' configuration so that any language is split into words and nothing is stemmed.
 * System notices are left out, as the search leaves them out. H2 has no such index and matches substrings.
 * A Spring bean (Flyway takes Java migrations from the context), named as Flyway versions migrations.
 * Superseded by the per-chat search document of V14_1, which drops this index; kept because applied
 * migrations must stay resolvable.
 */
@Component
@SuppressWarnings("java:S101") // Flyway reads the version and description from the class name
public class V10_1__Message_search_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equalsIgnoreCase(product)) return;
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE INDEX history_message_text ON history_message"
                    + " USING GIN (to_tsvector('simple', content)) WHERE sender_side IS NOT NULL");
        }
    }
}
