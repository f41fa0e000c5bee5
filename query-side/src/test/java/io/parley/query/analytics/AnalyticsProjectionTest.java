package io.parley.query.analytics;

import io.parley.query.projection.ReadModelDatabase;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.query.AnalyticsSummaryView;
import io.parley.shared.query.AnalyticsSummaryView.Agent;
import io.parley.shared.query.AnalyticsSummaryView.Breakdown;
import io.parley.shared.query.AnalyticsSummaryView.Day;
import io.parley.shared.query.AnalyticsSummaryView.Percentiles;
import io.parley.shared.query.FetchAnalyticsSummaryQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.parley.query.analytics.AnalyticsScenario.chat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics read model on a real database, fed a scenario whose times the test sets, against figures worked
 * out by hand. percentile_cont interpolates: p of sorted x0..x(n-1) is at position p·(n−1).
 */
class AnalyticsProjectionTest {
    private static final Instant DAY_1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-03T09:00:00Z");

    private final ReadModelDatabase database = new ReadModelDatabase();
    private final AnalyticsProjection projection = new AnalyticsProjection(database.batches());
    private final AnalyticsQueries queries = new AnalyticsQueries(database.jdbc());

    private final AnalyticsScenario a = chat("a", DAY_1, "billing", Priority.HIGH)
            .assign(10, "agent-1", "Alice").message(30, "agent-1", Role.AGENT, "Alice")
            .message(40, "customer-a", Role.USER, "Ann").message(50, "agent-1", Role.AGENT, "Alice")
            .resolve(120, "agent-1").rate(150, 5).close(200, "agent-1", Role.AGENT);
    private final AnalyticsScenario b = chat("b", DAY_1.plusSeconds(3600), "billing", Priority.MEDIUM)
            .message(1, "system", Role.SYSTEM, "Parley")
            .assign(5, "agent-2", "Bob").message(90, "agent-2", Role.AGENT, "Bob")
            .assign(100, "agent-1", "Alice").message(110, "agent-1", Role.AGENT, "Alice")
            .resolve(600, "agent-1").rate(700, 2);
    private final AnalyticsScenario c = chat("c", DAY_2, "general", Priority.MEDIUM)
            .assign(5, "agent-2", "Bob").message(10, "agent-2", Role.AGENT, "Bob");
    private final AnalyticsScenario d = chat("d", DAY_2.plusSeconds(60), "general", Priority.LOW)
            .close(300, "customer-d", Role.USER);

    @BeforeEach
    void applyTheScenario() {
        database.batch(projection, a.events());
        database.batch(projection, b.events());
        database.batch(projection, c.events());
        database.batch(projection, d.events());
    }

    @Test
    void theSummaryOfTwoWholeDaysMatchesTheFiguresWorkedOutByHand() {
        AnalyticsSummaryView summary = summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null);

        assertThat(summary.chatsStarted()).isEqualTo(4);
        assertThat(summary.chatsResolved()).isEqualTo(2);
        assertThat(summary.chatsClosed()).isEqualTo(2);
        assertThat(summary.messages()).as("customer and staff messages, not the system notice").isEqualTo(10);
        // First responses 30 (a), 90 (b), 10 (c); d was never answered. Sorted 10, 30, 90: p90 at 1.8.
        assertThat(summary.firstResponseSeconds()).isEqualTo(new Percentiles(30.0, 78.0));
        // Resolutions 120 (a) and 600 (b): p50 = 120 + 0.5·480, p90 = 120 + 0.9·480.
        assertThat(summary.resolutionSeconds()).isEqualTo(new Percentiles(360.0, 552.0));
        // Ratings 5 (a) and 2 (b), both chats held by Alice when rated.
        assertThat(summary.csat().responses()).isEqualTo(2);
        assertThat(summary.csat().average()).isEqualTo(3.5);
        assertThat(summary.byCategory()).containsOnlyKeys("billing", "general")
                .containsEntry("billing", new Breakdown(2, 2, 1, 7))
                .containsEntry("general", new Breakdown(2, 0, 1, 3));
        assertThat(summary.byPriority()).containsEntry("high", new Breakdown(1, 1, 1, 4))
                .containsEntry("medium", new Breakdown(2, 1, 0, 5)).containsEntry("low", new Breakdown(1, 0, 1, 1))
                .containsEntry("urgent", new Breakdown(0, 0, 0, 0));
        assertThat(summary.byDay()).containsExactly(new Day(LocalDate.parse("2026-03-02"), 2, 2, 7),
                new Day(LocalDate.parse("2026-03-03"), 2, 0, 3));
        // Alice held a and b, resolved both, wrote 3 and answered a first (30 s). Bob held b and c, answered both
        // first (90 and 10 s), and held neither rated chat when it was rated.
        assertThat(summary.agents()).containsExactly(
                new Agent("agent-1", "Alice", 2, 2, 3, 30.0, 3.5),
                new Agent("agent-2", "Bob", 2, 0, 2, 50.0, null));
    }

    @Test
    void aWindowOfWholeDaysAndTheSameChatsByInstantsAgree() {
        AnalyticsSummaryView days = summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null);
        AnalyticsSummaryView instants = summary("2026-03-02T08:00:00Z", "2026-03-03T23:00:00Z", null, null);
        assertThat(new AnalyticsSql(query("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null)).wholeDays())
                .isTrue();
        assertThat(instants).isEqualTo(days);
    }

    @Test
    void aWindowCountsOnlyTheChatsStartedInIt() {
        AnalyticsSummaryView firstMorning = summary("2026-03-02T08:00:00Z", "2026-03-02T09:30:00Z", null, null);
        assertThat(firstMorning.chatsStarted()).isEqualTo(1);
        assertThat(firstMorning.messages()).isEqualTo(4);
        assertThat(firstMorning.firstResponseSeconds()).isEqualTo(new Percentiles(30.0, 30.0));

        AnalyticsSummaryView empty = summary("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", null, null);
        assertThat(empty.chatsStarted()).isZero();
        assertThat(empty.firstResponseSeconds()).isEqualTo(new Percentiles(null, null));
        assertThat(empty.byDay()).isEmpty();
        assertThat(empty.agents()).isEmpty();
    }

    @Test
    void anAgentFilterKeepsTheChatsTheyTookPartIn() {
        AnalyticsSummaryView bob = summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", "agent-2", null);

        assertThat(bob.chatsStarted()).isEqualTo(2);
        assertThat(bob.chatsResolved()).isEqualTo(1);
        assertThat(bob.messages()).isEqualTo(5);
        assertThat(bob.firstResponseSeconds()).isEqualTo(new Percentiles(50.0, 82.0));
        assertThat(bob.resolutionSeconds()).isEqualTo(new Percentiles(600.0, 600.0));
        assertThat(bob.csat().responses()).isEqualTo(1);
        assertThat(bob.csat().average()).isEqualTo(2.0);
        assertThat(bob.agents()).containsExactly(new Agent("agent-2", "Bob", 2, 0, 2, 50.0, null));
    }

    @Test
    void aCategoryFilterKeepsItsChatsAndTheirAgents() {
        AnalyticsSummaryView general = summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, "general");

        assertThat(general.chatsStarted()).isEqualTo(2);
        assertThat(general.chatsClosed()).isEqualTo(1);
        assertThat(general.messages()).isEqualTo(3);
        assertThat(general.firstResponseSeconds()).isEqualTo(new Percentiles(10.0, 10.0));
        assertThat(general.resolutionSeconds()).isEqualTo(new Percentiles(null, null));
        assertThat(general.byCategory()).containsOnlyKeys("general");
        assertThat(general.agents()).containsExactly(new Agent("agent-2", "Bob", 1, 0, 1, 10.0, null));
    }

    @Test
    void eventsAppliedAgainChangeNothingAndARebuildGivesTheSameSummary() {
        AnalyticsSummaryView before = summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null);
        database.batch(projection, a.events());
        database.batch(projection, b.events());
        assertThat(summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null)).isEqualTo(before);

        projection.onReset(ReadModelReset.all());
        assertThat(summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null).chatsStarted()).isZero();
        List<ReadModelDatabase.Event> all = new java.util.ArrayList<>();
        for (AnalyticsScenario chat : List.of(a, b, c, d)) all.addAll(List.of(chat.events()));
        database.batch(projection, all.toArray(ReadModelDatabase.Event[]::new));
        assertThat(summary("2026-03-02T00:00:00Z", "2026-03-04T00:00:00Z", null, null)).isEqualTo(before);
    }

    private AnalyticsSummaryView summary(String from, String to, String agentId, String category) {
        return queries.handle(query(from, to, agentId, category));
    }

    private static FetchAnalyticsSummaryQuery query(String from, String to, String agentId, String category) {
        return new FetchAnalyticsSummaryQuery(Instant.parse(from), Instant.parse(to), agentId, category);
    }
}
