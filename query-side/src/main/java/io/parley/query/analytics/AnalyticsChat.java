package io.parley.query.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One chat's analytics facts as the projection decides them in memory; written by {@link AnalyticsChatRows}. */
final class AnalyticsChat {
    String chatId;
    String category;
    String priority;
    Instant startedAt;
    Instant firstCustomerMessageAt;
    Instant firstAgentMessageAt;
    String firstResponderId;
    Double firstResponseSeconds;
    Instant firstResolvedAt;
    Double resolutionSeconds;
    Instant closedAt;
    String agentId;
    int customerMessages;
    int agentMessages;
    Integer rating;
    long version;

    /** The UTC day every fact of this chat is counted on. */
    LocalDate startedDay() {
        return startedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    boolean isNew(long sequenceNumber) {
        return sequenceNumber > version;
    }

    void customerMessage(Instant at) {
        customerMessages++;
        if (firstCustomerMessageAt == null) firstCustomerMessageAt = at;
    }

    /** Counts a staff message; the first one after the customer's first message is the first response. */
    void agentMessage(String agentId, Instant at) {
        agentMessages++;
        if (firstAgentMessageAt != null || firstCustomerMessageAt == null) return;
        firstAgentMessageAt = at;
        firstResponderId = agentId;
        firstResponseSeconds = seconds(firstCustomerMessageAt, at);
    }

    /** True the first time the chat is resolved: later resolves (after a reopen) do not move the figure. */
    boolean resolved(Instant at) {
        if (firstResolvedAt != null) return false;
        firstResolvedAt = at;
        resolutionSeconds = seconds(startedAt, at);
        return true;
    }

    boolean closed(Instant at) {
        if (closedAt != null) return false;
        closedAt = at;
        return true;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 1000.0;
    }
}
