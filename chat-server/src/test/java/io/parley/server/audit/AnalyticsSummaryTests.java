package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.audit.People.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/analytics/summary} over real HTTP: a scenario of three chats in a category of its own, checked
 * against figures worked out here from the event times the audit trail shows (docs/analytics.md).
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AnalyticsSummaryTests {
    @LocalServerPort
    int port;
    Api api;
    People people;
    Person auditor;

    @BeforeEach
    void connect() {
        api = new Api(port);
        people = new People(api);
        auditor = people.staff("Audrey", "auditor");
    }

    /**
     * Three chats of a fresh category: one answered by Alice, resolved, closed and rated 4; one answered by Bob;
     * one not answered.
     */
    private Scenario scenario() {
        String category = "analytics-" + UUID.randomUUID();
        Instant from = Instant.now().minusSeconds(1);
        Person alice = people.staff("Alice", "agent");
        Person bob = people.staff("Bob", "agent");
        String first = start(people.customer("Carla"), category, "high", alice,
                "Your password is reset", true);
        String second = start(people.customer("Dan"), category, "low", bob, "Looking into it", false);
        String third = start(people.customer("Erin"), category, "medium", null, null, false);
        return new Scenario(category, from, alice, bob, List.of(first, second, third));
    }

    private String start(Person customer, String category, String priority, Person agent, String reply,
                         boolean resolveAndClose) {
        Response started = api.post("/api/chats", customer.token(), Map.of("message", "Help", "category", category,
                "priority", priority));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String chatId = started.data().path("chat").path("id").asText();
        if (agent == null) return chatId;
        assertThat(api.post("/api/chats/" + chatId + "/assign", agent.token(), null).status()).isEqualTo(200);
        assertThat(api.post("/api/chats/" + chatId + "/messages", agent.token(), Map.of("content", reply))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/chats/" + chatId + "/messages", customer.token(), Map.of("content", "Thanks"))
                .status()).isEqualTo(201);
        if (resolveAndClose) {
            assertThat(api.post("/api/chats/" + chatId + "/status", agent.token(), Map.of("status", "resolved"))
                    .status()).isEqualTo(200);
            assertThat(api.post("/api/chats/" + chatId + "/close", agent.token(), null).status()).isEqualTo(200);
            assertThat(api.post("/api/chats/" + chatId + "/rating", customer.token(), Map.of("score", 4)).status())
                    .isEqualTo(201);
        }
        return chatId;
    }

    @Test
    void theSummaryMatchesTheFiguresWorkedOutFromTheAuditTrail() throws InterruptedException {
        Scenario s = scenario();
        JsonNode summary = awaitSummary(s.query(), d -> d.path("chatsClosed").asLong() == 1
                && d.path("messages").asLong() == 7 && d.path("csat").path("responses").asLong() == 1);

        assertThat(summary.path("chatsStarted").asLong()).isEqualTo(3);
        assertThat(summary.path("chatsResolved").asLong()).isEqualTo(1);
        assertThat(summary.path("chatsClosed").asLong()).isEqualTo(1);
        assertThat(summary.path("messages").asLong()).as("3 + 3 + 1 customer and staff messages").isEqualTo(7);
        double aliceFirst = firstResponse(s.chats().get(0));
        double bobFirst = firstResponse(s.chats().get(1));
        double resolution = resolution(s.chats().get(0));
        // Two first responses: the median is their mean, p90 lies 90 % of the way from the lower to the higher.
        assertThat(summary.path("firstResponseSeconds").path("p50").asDouble())
                .isCloseTo((aliceFirst + bobFirst) / 2, within(0.002));
        assertThat(summary.path("firstResponseSeconds").path("p90").asDouble()).isCloseTo(
                Math.min(aliceFirst, bobFirst) + 0.9 * Math.abs(aliceFirst - bobFirst), within(0.002));
        assertThat(summary.path("resolutionSeconds").path("p50").asDouble()).isCloseTo(resolution, within(0.002));
        assertThat(summary.path("resolutionSeconds").path("p90").asDouble()).isCloseTo(resolution, within(0.002));
        assertThat(summary.path("csat").path("responses").asLong()).isEqualTo(1);
        assertThat(summary.path("csat").path("average").asDouble()).isEqualTo(4.0);
        JsonNode category = summary.path("byCategory").path(s.category());
        assertThat(List.of(category.path("chatsStarted").asLong(), category.path("chatsResolved").asLong(),
                category.path("chatsClosed").asLong(), category.path("messages").asLong()))
                .containsExactly(3L, 1L, 1L, 7L);
        assertThat(summary.path("byPriority").path("high").path("messages").asLong()).isEqualTo(3);
        assertThat(summary.path("byPriority").path("low").path("chatsResolved").asLong()).isZero();
        assertThat(summary.path("byPriority").path("medium").path("chatsStarted").asLong()).isEqualTo(1);
        assertThat(summary.path("byPriority").path("urgent").path("chatsStarted").asLong()).isZero();
        long started = 0;
        long messages = 0;
        for (JsonNode day : summary.path("byDay")) {
            assertThat(day.path("date").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
            started += day.path("chatsStarted").asLong();
            messages += day.path("messages").asLong();
        }
        assertThat(List.of(started, messages)).containsExactly(3L, 7L);
        assertThat(summary.path("agents")).hasSize(2);
        assertAgent(agent(summary, s.alice()), s.alice(), 1, aliceFirst);
        assertThat(agent(summary, s.alice()).path("csatAverage").asDouble()).isEqualTo(4.0);
        assertAgent(agent(summary, s.bob()), s.bob(), 0, bobFirst);
        assertThat(agent(summary, s.bob()).path("csatAverage").isNull()).isTrue();

        // The same chats over whole UTC days come from the day pre-aggregates, and agree.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode byDates = summary("from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&category=" + s.category(), auditor.token()).data();
        assertThat(byDates).isEqualTo(summary);

        JsonNode bob = summary(s.query() + "&agentId=" + s.bob().id(), auditor.token()).data();
        assertThat(bob.path("chatsStarted").asLong()).isEqualTo(1);
        assertThat(bob.path("messages").asLong()).isEqualTo(3);
        assertThat(bob.path("agents")).hasSize(1);
        assertAgent(bob.path("agents").get(0), s.bob(), 0, bobFirst);
    }

    @Test
    void onlyAuditorsAndAdminsReadAnalytics() {
        Person customer = people.customer("Carla");
        people.chat(customer, "Hello");
        Person guest = people.guest("Gus");
        Person agent = people.staff("Alice", "agent");
        for (String refused : List.of(customer.token(), guest.token(), agent.token())) {
            Response r = summary("", refused);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(summary("", null).status()).isEqualTo(401);
        for (String allowed : List.of(auditor.token(), people.admin)) {
            Response r = summary("", allowed);
            assertThat(r.status()).isEqualTo(200);
            for (String field : List.of("chatsStarted", "chatsResolved", "chatsClosed", "messages",
                    "firstResponseSeconds", "resolutionSeconds", "csat", "byCategory", "byPriority", "byDay",
                    "agents")) {
                assertThat(r.data().has(field)).as(field).isTrue();
            }
        }
    }

    @Test
    void aBadWindowIsRefusedWithTheEnvelope() {
        for (String query : List.of("from=2026-02-01&to=2026-01-01", "from=yesterday", "to=2026-13-01",
                "from=2026-01-01T10:00:00Z&to=2026-01-01T09:59:59Z", "category=" + "x".repeat(65))) {
            Response r = summary(query, auditor.token());
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.errorCode()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(summary("from=2026-01-01&to=2026-01-01", auditor.token()).status()).isEqualTo(200);
    }

    @Test
    void aReplayOfAnalyticsGivesTheSameSummary() throws InterruptedException {
        Scenario s = scenario();
        JsonNode before = awaitSummary(s.query(), d -> d.path("chatsClosed").asLong() == 1
                && d.path("messages").asLong() == 7 && d.path("csat").path("responses").asLong() == 1);

        assertThat(api.post("/api/admin/projections/analytics/replay", people.admin, null).status())
                .isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode analytics = projection("analytics");
        while (!(analytics.path("status").asText().equals("live") && analytics.path("lag").asLong(-1) == 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            analytics = projection("analytics");
        }
        assertThat(analytics.path("status").asText()).isEqualTo("live");
        assertThat(summary(s.query(), auditor.token()).data()).isEqualTo(before);
    }

    private static JsonNode agent(JsonNode summary, Person who) {
        for (JsonNode agent : summary.path("agents")) {
            if (agent.path("agentId").asText().equals(who.id())) return agent;
        }
        throw new AssertionError("no agent " + who.name() + " in " + summary);
    }

    private void assertAgent(JsonNode agent, Person who, long resolved, double firstResponse) {
        assertThat(agent.path("agentId").asText()).isEqualTo(who.id());
        assertThat(agent.path("name").asText()).isEqualTo(who.name());
        assertThat(agent.path("assigned").asLong()).isEqualTo(1);
        assertThat(agent.path("resolved").asLong()).isEqualTo(resolved);
        assertThat(agent.path("messages").asLong()).isEqualTo(1);
        assertThat(agent.path("firstResponseSecondsP50").asDouble()).isCloseTo(firstResponse, within(0.002));
    }

    /** From the chat's first customer message to the first staff message, as the audit trail times them. */
    private double firstResponse(String chatId) {
        Instant customer = null;
        for (JsonNode event : auditEvents(chatId)) {
            if (!event.path("type").asText().equals("MessageSent")) continue;
            // The sender, not the actor: a join notice an agent caused is a system message.
            String role = event.path("payload").path("senderRole").asText().toLowerCase(java.util.Locale.ROOT);
            Instant at = time(event.path("payload").path("sentAt"));
            if (customer == null && role.equals("user")) customer = at;
            if (customer != null && role.equals("agent")) return Duration.between(customer, at).toMillis() / 1000.0;
        }
        throw new AssertionError("no first response in " + chatId);
    }

    /** From the start to the first resolve. */
    private double resolution(String chatId) {
        Instant start = null;
        for (JsonNode event : auditEvents(chatId)) {
            JsonNode payload = event.path("payload");
            if (event.path("type").asText().equals("ChatStarted")) start = time(payload.path("startedAt"));
            if (event.path("type").asText().equals("ChatStatusChanged")
                    && payload.path("status").asText().equalsIgnoreCase("resolved")) {
                return Duration.between(start, time(payload.path("changedAt"))).toMillis() / 1000.0;
            }
        }
        throw new AssertionError("no resolve in " + chatId);
    }

    private List<JsonNode> auditEvents(String chatId) {
        Response r = api.get("/api/audit/chats/" + chatId + "/events?limit=1000", auditor.token());
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        r.data().forEach(events::add);
        return events;
    }

    private static Instant time(JsonNode value) {
        return Instant.parse(value.asText());
    }

    /** The summary once the analytics read model has caught up with the scenario's writes. */
    private JsonNode awaitSummary(String query, Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode data = summary(query, auditor.token()).data();
        while (!ready.test(data) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            data = summary(query, auditor.token()).data();
        }
        assertThat(ready.test(data)).as(data.toString()).isTrue();
        return data;
    }

    private Response summary(String query, String token) {
        return api.get("/api/analytics/summary" + (query.isEmpty() ? "" : "?" + query), token);
    }

    private JsonNode projection(String name) {
        for (JsonNode p : api.get("/api/admin/projections", people.admin).data()) {
            if (p.path("name").asText().equals(name)) return p;
        }
        throw new AssertionError("no projection " + name);
    }

    private record Scenario(String category, Instant from, Person alice, Person bob, List<String> chats) {
        String query() {
            return "from=" + from + "&to=" + Instant.now().plusSeconds(3600) + "&category=" + category;
        }
    }
}
