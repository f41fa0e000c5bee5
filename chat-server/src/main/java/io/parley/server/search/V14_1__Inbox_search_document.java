package io.parley.server.search;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Fills the inbox's search document (migration V14) from the read models already there, so an upgrade needs no
 * rebuild, and indexes it. PostgreSQL: message_words becomes a tsvector ('simple' configuration) with a GIN
 * index, search_fields gets a pg_trgm index when the extension can be had, and the per-message index of V10_1,
 * which nothing reads any more, goes. H2: both columns are plain text, scanned. A Spring bean (Flyway takes Java
 * migrations from the context), named as Flyway versions migrations.
 */
@Component
@SuppressWarnings("java:S101") // Flyway reads the version and description from the class name
public class V14_1__Inbox_search_document extends BaseJavaMigration {
    private static final Logger log = LoggerFactory.getLogger(V14_1__Inbox_search_document.class);
    /** A backfilled chat keeps the words of its first 100,000 characters: safely below tsvector's 1 MB. */
    private static final int BACKFILL_CHARACTERS = 100_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            if (postgres) postgres(connection, statement);
            else h2(statement);
        }
    }

    private static void postgres(Connection connection, Statement statement) throws SQLException {
        statement.execute("ALTER TABLE inbox_chat ALTER COLUMN message_words TYPE tsvector USING NULL");
        // Uncompressed, so that pg_column_size is the document's real size, which the projection caps.
        statement.execute("ALTER TABLE inbox_chat ALTER COLUMN message_words SET STORAGE EXTERNAL");
        statement.execute("UPDATE inbox_chat SET search_fields = lower(concat_ws(chr(31), ticket_number, subject,"
                + " customer_name, customer_email))");
        statement.execute("UPDATE inbox_chat i SET message_words = d.words FROM (SELECT chat_id,"
                + " to_tsvector('simple', left(string_agg(content, E'\\n' ORDER BY seq), " + BACKFILL_CHARACTERS
                + ")) AS words FROM history_message WHERE sender_side IS NOT NULL GROUP BY chat_id) d"
                + " WHERE d.chat_id = i.chat_id");
        statement.execute("DROP INDEX IF EXISTS history_message_text");
        statement.execute("CREATE INDEX inbox_chat_message_words ON inbox_chat USING GIN (message_words)");
        String trigrams = trigramSchema(connection, statement);
        if (trigrams == null) {
            log.warn("pg_trgm is not available: the inbox search matches ticket, subject and customer without an"
                    + " index (a scan of the inbox); install the extension and create inbox_chat_search_fields");
            return;
        }
        statement.execute("CREATE INDEX inbox_chat_search_fields ON inbox_chat USING GIN (search_fields \""
                + trigrams + "\".gin_trgm_ops)");
    }

    /**
     * The schema holding pg_trgm, created if allowed (in public, so that every schema of the database shares it;
     * else wherever the search path says), or null when the server has no such extension or forbids it.
     */
    private static String trigramSchema(Connection connection, Statement statement) throws SQLException {
        for (String create : new String[]{"CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public",
                "CREATE EXTENSION IF NOT EXISTS pg_trgm"}) {
            Savepoint before = connection.setSavepoint();
            try {
                statement.execute(create);
                connection.releaseSavepoint(before);
                break;
            } catch (SQLException refused) {
                connection.rollback(before);
                log.info("{}: {}", create, refused.getMessage());
            }
        }
        try (ResultSet schema = statement.executeQuery("SELECT n.nspname FROM pg_extension e"
                + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'")) {
            return schema.next() ? schema.getString(1) : null;
        }
    }

    private static void h2(Statement statement) throws SQLException {
        statement.execute("UPDATE inbox_chat SET search_fields = LOWER(CONCAT_WS(CHAR(31), ticket_number, subject,"
                + " customer_name, customer_email))");
        statement.execute("UPDATE inbox_chat i SET message_words = (SELECT LOWER(LISTAGG(m.content, CHAR(10))"
                + " WITHIN GROUP (ORDER BY m.seq)) FROM history_message m WHERE m.chat_id = i.chat_id"
                + " AND m.sender_side IS NOT NULL)");
    }
}
