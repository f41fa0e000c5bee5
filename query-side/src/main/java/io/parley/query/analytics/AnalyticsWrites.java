package io.parley.query.analytics;

import io.parley.query.projection.PendingWrites;
import io.parley.query.projection.ProjectionBatches;
import io.parley.query.projection.Rows;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/**
 * What the analytics read model decided in one batch: the chats' rows, the staff's part in them, and the
 * increments of the day and agent-day pre-aggregates, all written when the batch commits.
 */
final class AnalyticsWrites implements PendingWrites {
    final Rows<AnalyticsChat> chats;
    final ChatAgents chatAgents;
    private final Upserts days = Upserts.counters("analytics_day", List.of("started_day", "category", "priority"),
            List.of("chats_started", "chats_resolved", "chats_closed", "messages"));
    private final Upserts agentDays = Upserts.counters("analytics_agent_day", List.of("started_day", "agent_id", "category"),
            List.of("assigned", "resolved", "messages"));
    private final Upserts names = Upserts.values("analytics_agent", List.of("agent_id"), List.of("name"));

    AnalyticsWrites(ProjectionBatches batches) {
        this.chats = new Rows<>(AnalyticsChatRows.TABLE, batches);
        this.chatAgents = new ChatAgents(batches);
    }

    /** Adds to the chat's start day (and category and priority). */
    void countDay(AnalyticsChat chat, long started, long resolved, long closed, long messages) {
        days.add(List.of(chat.startedDay(), chat.category, chat.priority), started, resolved, closed, messages);
    }

    /** Adds to the agent's figures on the chat's start day (and category). */
    void countAgent(AnalyticsChat chat, String agentId, long assigned, long resolved, long messages) {
        agentDays.add(List.of(chat.startedDay(), agentId, chat.category), assigned, resolved, messages);
    }

    void name(String agentId, String name) {
        if (name != null) names.set(List.of(agentId), name);
    }

    @Override
    public void flush(NamedParameterJdbcTemplate jdbc) {
        chats.flush(jdbc);
        chatAgents.flush(jdbc);
        days.flush(jdbc);
        agentDays.flush(jdbc);
        names.flush(jdbc);
    }
}
