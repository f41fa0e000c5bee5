package io.parley.query.analytics;

import io.parley.shared.query.FetchAnalyticsSummaryQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static io.parley.query.projection.SqlValues.timestamp;

/**
 * The SQL a summary runs for one window and its filters. Counts come from the day pre-aggregates when the window
 * is whole UTC days and no agent is asked for; otherwise from the chats' rows, shaped like the pre-aggregates so
 * the same grouping serves both. Percentiles always come from the chats' rows.
 */
final class AnalyticsSql {
    private final FetchAnalyticsSummaryQuery query;
    final MapSqlParameterSource parameters = new MapSqlParameterSource();

    AnalyticsSql(FetchAnalyticsSummaryQuery query) {
        this.query = query;
        parameters.addValue("from", timestamp(query.from()))
                .addValue("to", timestamp(query.to()))
                .addValue("fromDay", day(query.from()))
                .addValue("toDay", day(query.to()))
                .addValue("category", query.category())
                .addValue("agentId", query.agentId());
    }

    /** True when the pre-aggregates answer the counts exactly. */
    boolean wholeDays() {
        return query.agentId() == null && midnight(query.from()) && midnight(query.to());
    }

    /** The chats of the window: started in it, of the category, held or served by the agent. */
    String chatFilter() {
        return "c.started_at >= :from AND c.started_at < :to"
                + (query.category() == null ? "" : " AND c.category = :category")
                + (query.agentId() == null ? "" : " AND EXISTS (SELECT 1 FROM analytics_chat_agent x"
                + " WHERE x.chat_id = c.chat_id AND x.agent_id = :agentId)");
    }

    /** Counts grouped by start day, category and priority. */
    String counts() {
        String source = wholeDays()
                ? "SELECT started_day, category, priority, chats_started, chats_resolved, chats_closed, messages"
                + " FROM analytics_day c WHERE started_day >= :fromDay AND started_day < :toDay"
                + (query.category() == null ? "" : " AND category = :category")
                : "SELECT c.started_day, c.category, c.priority, 1 AS chats_started,"
                + " CASE WHEN c.first_resolved_at IS NULL THEN 0 ELSE 1 END AS chats_resolved,"
                + " CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END AS chats_closed,"
                + " c.customer_messages + c.agent_messages AS messages FROM analytics_chat c WHERE " + chatFilter();
        return "SELECT started_day, category, priority, SUM(chats_started) AS chats_started,"
                + " SUM(chats_resolved) AS chats_resolved, SUM(chats_closed) AS chats_closed,"
                + " SUM(messages) AS messages FROM (" + source + ") f GROUP BY started_day, category, priority";
    }

    String percentiles() {
        return "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_response_seconds) AS first_p50,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY c.first_response_seconds) AS first_p90,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY c.resolution_seconds) AS resolution_p50,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY c.resolution_seconds) AS resolution_p90,"
                + " COUNT(c.rating) AS rated, AVG(CAST(c.rating AS DOUBLE PRECISION)) AS rating"
                + " FROM analytics_chat c WHERE " + chatFilter();
    }

    /** Each staff member's assigned, resolved and messages. */
    String agents() {
        if (wholeDays()) {
            return "SELECT agent_id, SUM(assigned) AS assigned, SUM(resolved) AS resolved, SUM(messages) AS messages"
                    + " FROM analytics_agent_day WHERE started_day >= :fromDay AND started_day < :toDay"
                    + (query.category() == null ? "" : " AND category = :category") + " GROUP BY agent_id";
        }
        return "SELECT a.agent_id, SUM(CASE WHEN a.assigned THEN 1 ELSE 0 END) AS assigned,"
                + " SUM(CASE WHEN a.resolved THEN 1 ELSE 0 END) AS resolved, SUM(a.messages) AS messages"
                + " FROM analytics_chat_agent a JOIN analytics_chat c ON c.chat_id = a.chat_id WHERE " + chatFilter()
                + (query.agentId() == null ? "" : " AND a.agent_id = :agentId") + " GROUP BY a.agent_id";
    }

    /** Median first response of the chats each staff member answered first. */
    String agentFirstResponses() {
        return "SELECT c.first_responder_id AS agent_id,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY c.first_response_seconds) AS p50"
                + " FROM analytics_chat c WHERE " + chatFilter() + " AND c.first_responder_id IS NOT NULL"
                + " GROUP BY c.first_responder_id";
    }

    /** Average rating of the chats each staff member held when they were rated. */
    String agentRatings() {
        return "SELECT c.agent_id, AVG(CAST(c.rating AS DOUBLE PRECISION)) AS rating FROM analytics_chat c"
                + " WHERE " + chatFilter() + " AND c.rating IS NOT NULL AND c.agent_id IS NOT NULL"
                + " GROUP BY c.agent_id";
    }

    private static LocalDate day(java.time.Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean midnight(java.time.Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
    }
}
