package io.parley.query.analytics;

import io.parley.query.projection.ProjectionBatches;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The analytics_chat_agent rows a batch touches. The first lookup loads the rows of every chat in the batch with
 * one query (as {@code Rows} does for tables with one row per chat); the flush inserts and updates in batches.
 */
final class ChatAgents {
    private static final String INSERT = "INSERT INTO analytics_chat_agent (chat_id, agent_id, assigned, resolved,"
            + " messages) VALUES (:chatId, :agentId, :assigned, :resolved, :messages)";
    private static final String UPDATE = "UPDATE analytics_chat_agent SET assigned = :assigned,"
            + " resolved = :resolved, messages = :messages WHERE chat_id = :chatId AND agent_id = :agentId";

    private final ProjectionBatches batches;
    private final Set<String> loadedChats = new LinkedHashSet<>();
    private final Map<String, ChatAgent> rows = new HashMap<>();
    private final Map<String, ChatAgent> inserted = new LinkedHashMap<>();
    private final Map<String, ChatAgent> changed = new LinkedHashMap<>();

    ChatAgents(ProjectionBatches batches) {
        this.batches = batches;
    }

    /** The agent's row in the chat, created (and inserted at the flush) when they had none. Mark it changed. */
    ChatAgent of(String chatId, String agentId) {
        if (!loadedChats.contains(chatId)) load(chatId);
        String key = chatId + '\n' + agentId;
        ChatAgent row = rows.get(key);
        if (row == null) {
            row = new ChatAgent(chatId, agentId);
            rows.put(key, row);
            inserted.put(key, row);
        } else if (!inserted.containsKey(key)) {
            changed.put(key, row);
        }
        return row;
    }

    void flush(NamedParameterJdbcTemplate jdbc) {
        if (!inserted.isEmpty()) jdbc.batchUpdate(INSERT, parameters(inserted));
        if (!changed.isEmpty()) jdbc.batchUpdate(UPDATE, parameters(changed));
        inserted.clear();
        changed.clear();
    }

    private void load(String chatId) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(chatId);
        for (String other : batches.chatsInBatch()) {
            if (!loadedChats.contains(other)) ids.add(other);
        }
        batches.jdbc().query("SELECT chat_id, agent_id, assigned, resolved, messages FROM analytics_chat_agent"
                + " WHERE chat_id IN (:ids)", new MapSqlParameterSource("ids", ids), result -> {
            ChatAgent row = new ChatAgent(result.getString("chat_id"), result.getString("agent_id"));
            row.assigned = result.getBoolean("assigned");
            row.resolved = result.getBoolean("resolved");
            row.messages = result.getInt("messages");
            rows.put(row.chatId + '\n' + row.agentId, row);
        });
        loadedChats.addAll(ids);
    }

    private static SqlParameterSource[] parameters(Map<String, ChatAgent> rows) {
        return rows.values().stream().map(row -> new MapSqlParameterSource()
                .addValue("chatId", row.chatId).addValue("agentId", row.agentId)
                .addValue("assigned", row.assigned).addValue("resolved", row.resolved)
                .addValue("messages", row.messages)).toArray(SqlParameterSource[]::new);
    }
}
