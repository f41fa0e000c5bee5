package io.parley.query.analytics;

import io.parley.shared.Priority;
import io.parley.shared.query.AnalyticsSummaryView;
import io.parley.shared.query.AnalyticsSummaryView.Agent;
import io.parley.shared.query.AnalyticsSummaryView.Breakdown;
import io.parley.shared.query.AnalyticsSummaryView.Csat;
import io.parley.shared.query.AnalyticsSummaryView.Day;
import io.parley.shared.query.AnalyticsSummaryView.Percentiles;
import io.parley.shared.query.FetchAnalyticsSummaryQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Answers {@link FetchAnalyticsSummaryQuery} from the analytics read model: a handful of grouped queries. */
@Component
public class AnalyticsQueries {
    private final NamedParameterJdbcTemplate jdbc;

    AnalyticsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One read-only transaction, so every figure comes from the same committed batches. */
    @Transactional(readOnly = true)
    public AnalyticsSummaryView handle(FetchAnalyticsSummaryQuery query) {
        AnalyticsSql sql = new AnalyticsSql(query);
        long[] totals = new long[4];
        Map<String, long[]> categories = new TreeMap<>();
        Map<String, long[]> priorities = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) priorities.put(priority.wire(), new long[4]);
        Map<LocalDate, long[]> days = new TreeMap<>();
        jdbc.query(sql.counts(), sql.parameters, row -> {
            long[] counts = {row.getLong("chats_started"), row.getLong("chats_resolved"),
                    row.getLong("chats_closed"), row.getLong("messages")};
            addTo(totals, counts);
            addTo(categories.computeIfAbsent(row.getString("category"), k -> new long[4]), counts);
            addTo(priorities.computeIfAbsent(row.getString("priority"), k -> new long[4]), counts);
            addTo(days.computeIfAbsent(row.getObject("started_day", LocalDate.class), k -> new long[4]), counts);
        });
        Map<String, Object> figures = jdbc.queryForMap(sql.percentiles(), sql.parameters);
        return new AnalyticsSummaryView(totals[0], totals[1], totals[2], totals[3],
                new Percentiles(seconds(figures.get("first_p50")), seconds(figures.get("first_p90"))),
                new Percentiles(seconds(figures.get("resolution_p50")), seconds(figures.get("resolution_p90"))),
                new Csat(((Number) figures.get("rated")).longValue(), rating(figures.get("rating"))),
                breakdowns(categories), breakdowns(priorities),
                days.entrySet().stream().map(d -> new Day(d.getKey(), d.getValue()[0], d.getValue()[1],
                        d.getValue()[3])).toList(),
                agents(sql));
    }

    private List<Agent> agents(AnalyticsSql sql) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query(sql.agents(), sql.parameters, row -> {
            counts.put(row.getString("agent_id"), new long[]{row.getLong("assigned"), row.getLong("resolved"),
                    row.getLong("messages")});
        });
        if (counts.isEmpty()) return List.of();
        Map<String, Double> firstResponses = doubles(sql.agentFirstResponses(), sql.parameters, "p50");
        Map<String, Double> ratings = doubles(sql.agentRatings(), sql.parameters, "rating");
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT agent_id, name FROM analytics_agent WHERE agent_id IN (:ids)",
                new MapSqlParameterSource("ids", counts.keySet()),
                row -> {
                    names.put(row.getString("agent_id"), row.getString("name"));
                });
        List<Agent> agents = new ArrayList<>();
        counts.forEach((id, c) -> agents.add(new Agent(id, names.get(id), c[0], c[1], c[2],
                seconds(firstResponses.get(id)), rating(ratings.get(id)))));
        agents.sort(Comparator.comparingLong(Agent::assigned).reversed().thenComparing(Agent::agentId));
        return agents;
    }

    private Map<String, Double> doubles(String sql, MapSqlParameterSource parameters, String column) {
        Map<String, Double> values = new HashMap<>();
        jdbc.query(sql, parameters, (ResultSet row) -> {
            values.put(row.getString("agent_id"), number(row, column));
        });
        return values;
    }

    private static Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private static Map<String, Breakdown> breakdowns(Map<String, long[]> counts) {
        Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
        counts.forEach((key, c) -> breakdowns.put(key, new Breakdown(c[0], c[1], c[2], c[3])));
        return breakdowns;
    }

    private static void addTo(long[] sums, long[] counts) {
        for (int i = 0; i < sums.length; i++) sums[i] += counts[i];
    }

    /** Seconds to the millisecond, as the events record time. */
    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000) / 1000.0;
    }

    private static Double rating(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 100) / 100.0;
    }
}
