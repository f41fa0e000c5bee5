package io.parley.shared.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/analytics/summary}: support figures of the chats started in a window (docs/analytics.md).
 * Durations are in seconds; a percentile or average is null when no chat has the figure.
 */
public record AnalyticsSummaryView(long chatsStarted,
                                   long chatsResolved,
                                   long chatsClosed,
                                   long messages,
                                   Percentiles firstResponseSeconds,
                                   Percentiles resolutionSeconds,
                                   Csat csat,
                                   Map<String, Breakdown> byCategory,
                                   Map<String, Breakdown> byPriority,
                                   List<Day> byDay,
                                   List<Agent> agents) {

    /** The median and the 90th percentile (continuous, as SQL's percentile_cont interpolates). */
    public record Percentiles(Double p50, Double p90) {
    }

    /** Customer satisfaction: how many chats were rated and their average rating. */
    public record Csat(long responses, Double average) {
    }

    /** The figures of one category or one priority. */
    public record Breakdown(long chatsStarted, long chatsResolved, long chatsClosed, long messages) {
    }

    public record Day(LocalDate date, long chatsStarted, long chatsResolved, long messages) {
    }

    /**
     * One staff member: chats they held ({@code assigned}), resolved, their messages, the median first response
     * of the chats they answered first, and the average rating of the chats they held when rated.
     */
    public record Agent(String agentId, String name, long assigned, long resolved, long messages,
                        Double firstResponseSecondsP50, Double csatAverage) {
    }
}
