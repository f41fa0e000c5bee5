package io.parley.shared.query;

import java.time.Instant;

/** Support figures of the chats started in {@code [from, to)}, optionally of one agent's chats or one category. */
public record FetchAnalyticsSummaryQuery(Instant from, Instant to, String agentId, String category) {
}
