package io.parley.query.analytics;

import io.parley.query.projection.ReadModelDatabase.Event;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatRatedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One chat's events at times the test chooses, numbered as the aggregate numbers them. */
final class AnalyticsScenario {
    private final String chatId;
    private final Instant start;
    private final List<Event> events = new ArrayList<>();
    private long messageSeq;

    private AnalyticsScenario(String chatId, Instant start) {
        this.chatId = chatId;
        this.start = start;
    }

    static AnalyticsScenario chat(String chatId, Instant start, String category, Priority priority) {
        AnalyticsScenario chat = new AnalyticsScenario(chatId, start);
        chat.add(new ChatStartedEvent(chatId, "TKT-" + chatId, "customer-" + chatId, Role.USER, "Ann",
                "ann@example.com", "Help", category, priority, start));
        return chat.message(0, "customer-" + chatId, Role.USER, "Ann");
    }

    AnalyticsScenario message(long atSecond, String senderId, Role role, String name) {
        messageSeq++;
        return add(new MessageSentEvent(chatId, chatId + "-m" + messageSeq, messageSeq, senderId, role, name,
                "text", List.of(), null, at(atSecond)));
    }

    AnalyticsScenario assign(long atSecond, String agentId, String name) {
        return add(new AgentAssignedEvent(chatId, agentId, name, null, agentId, Role.AGENT, at(atSecond)));
    }

    AnalyticsScenario resolve(long atSecond, String agentId) {
        return add(new ChatStatusChangedEvent(chatId, ChatStatus.RESOLVED, ChatStatus.IN_PROGRESS, agentId,
                Role.AGENT, null, at(atSecond)));
    }

    AnalyticsScenario close(long atSecond, String byId, Role role) {
        return add(new ChatClosedEvent(chatId, ChatStatus.OPEN, byId, role, null, at(atSecond)));
    }

    AnalyticsScenario rate(long atSecond, int score) {
        return add(new ChatRatedEvent(chatId, score, null, "customer-" + chatId, Role.USER, at(atSecond)));
    }

    Event[] events() {
        return events.toArray(Event[]::new);
    }

    private Instant at(long second) {
        return start.plusSeconds(second);
    }

    private AnalyticsScenario add(Object payload) {
        events.add(new Event(chatId, events.size(), payload));
        return this;
    }
}
