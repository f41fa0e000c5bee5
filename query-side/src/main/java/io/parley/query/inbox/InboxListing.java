package io.parley.query.inbox;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of an inbox listing for an {@link InboxFilter}: a page, newest activity first, and its count. Written by
 * hand so that the search is one condition per index on the one table, which PostgreSQL ORs from both indexes
 * (trigrams over search_fields, full text over message_words) instead of scanning the inbox.
 */
final class InboxListing {
    static final char ESCAPE = '\\';
    /** Newest activity first; the id keeps pages stable when two chats moved in the same millisecond. */
    private static final String ORDER = " ORDER BY updated_at DESC, chat_id";

    private final String where;
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();

    InboxListing(InboxFilter filter, SearchDocument document) {
        List<String> conditions = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            conditions.add("status IN (:statuses)");
            parameters.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.unassigned()) {
            conditions.add("agent_id IS NULL");
        } else if (filter.agentId() != null) {
            conditions.add(equal("agent_id", "agentId", filter.agentId()));
        }
        if (filter.customerId() != null) conditions.add(equal("customer_id", "customerId", filter.customerId()));
        if (filter.priority() != null) conditions.add(equal("priority", "priority", filter.priority().name()));
        if (filter.category() != null) conditions.add(equal("category", "category", filter.category()));
        if (filter.tag() != null) {
            conditions.add("tags LIKE :tag ESCAPE '\\'");
            parameters.addValue("tag", TagColumn.containsPattern(filter.tag()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            parameters.addValue("pattern", containsPattern(filter.text()));
            String fields = "search_fields LIKE :pattern ESCAPE '\\'";
            if (filter.searchMessages()) {
                parameters.addValue("words", document.words(filter.text()));
                conditions.add("(" + fields + " OR " + document.matchCondition() + ")");
            } else {
                conditions.add(fields);
            }
        }
        this.where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The rows of page {@code page} (0-based) of {@code limit} chats. */
    String page(int page, int limit) {
        parameters.addValue("limit", limit).addValue("offset", (long) page * limit);
        return "SELECT " + InboxRows.COLUMNS + " FROM inbox_chat" + where + ORDER + " LIMIT :limit OFFSET :offset";
    }

    String count() {
        return "SELECT count(*) FROM inbox_chat" + where;
    }

    MapSqlParameterSource parameters() {
        return parameters;
    }

    /** A LIKE pattern for "contains", lower-cased, in which the searcher's own % and _ match only themselves. */
    static String containsPattern(String text) {
        return "%" + literal(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** {@code text} inside a LIKE pattern (with {@code ESCAPE '\\'}): its %, _ and \\ match only themselves. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) literal.append(ESCAPE);
            literal.append(c);
        }
        return literal.toString();
    }

    private String equal(String column, String parameter, Object value) {
        parameters.addValue(parameter, value);
        return column + " = :" + parameter;
    }
}
