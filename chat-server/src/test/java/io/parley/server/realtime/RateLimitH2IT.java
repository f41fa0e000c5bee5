package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api.Response;
import io.parley.server.support.H2Database;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's limits, small here so a test reaches them: REST 25 a minute per user (50 for staff, 25 per client
 * address without a token) and 3 messages a minute per sender per chat. Over a limit a client gets 429 or an error
 * ack RATE_LIMITED, and nothing is stored.
 */
@H2Database
@TestPropertySource(properties = {"chat.rate-limit.rest-per-minute=25", "chat.rate-limit.rest-staff-per-minute=50",
        "chat.trusted-proxies=127.0.0.1,::1",
        "chat.rate-limit.send-per-minute=3"})
class RateLimitH2IT extends RealtimeTestBase {

    @Test
    void aUserOverTheRestLimitGets429WithRetryAfterAndOtherUsersAreUnaffected() {
        Person ann = customer("Ann");
        Person bob = customer("Bob");

        long started = System.nanoTime();
        int allowed = requestsUntilRefused("/api/chats/mine", ann.token(), 100);
        assertThat(allowed).isBetween(25, 25 + refilled(25, started));
        Response refused = api.get("/api/chats/mine", ann.token());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(refused.body().path("success").asBoolean()).isFalse();
        assertThat(refused.body().at("/error/message").asText()).contains("25 a minute");
        assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(refused.raw().headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        Response other = api.get("/api/chats/mine", bob.token());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.raw().headers().firstValue("X-RateLimit-Limit")).hasValue("25");
        assertThat(other.raw().headers().firstValue("X-RateLimit-Remaining")).hasValue("24");
    }

    @Test
    void aRefusedRestWriteStoresNothing() {
        Person ann = customer("Ann");
        String chatId = startChat(ann, "first");
        requestsUntilRefused("/api/chats/mine", ann.token(), 100);

        Response send = api.post("/api/chats/" + chatId + "/messages", ann.token(), Map.of("content", "over"));
        assertThat(send.status()).isEqualTo(429);

        Person agent = staff("Agnes", "agent");
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", agent.token()).data();
        assertThat(history).extracting(m -> m.path("content").asText()).containsExactly("first");
    }

    @Test
    void staffHaveTheLargerAllowance() {
        Person agent = staff("Agnes", "agent");
        long started = System.nanoTime();
        assertThat(requestsUntilRefused("/api/chats", agent.token(), 200)).isBetween(50, 50 + refilled(50, started));
    }

    @Test
    void requestsWithoutATokenAreLimitedPerClientAddressAsTheLoadBalancerForwardsIt() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        long started = System.nanoTime();
        int allowed = 0;
        Response last;
        do {
            last = api.send("POST", "/api/auth/login", null, "{\"email\":\"nobody@example.com\",\"password\":\"x\"}",
                    "X-Forwarded-For", client);
            if (last.status() != 429) allowed++;
        } while (last.status() != 429 && allowed < 100);
        assertThat(allowed).as("wrong-password logins from one address before 429")
                .isBetween(25, 25 + refilled(25, started));
        assertThat(last.errorCode()).isEqualTo("RATE_LIMITED");

        Response elsewhere = api.send("POST", "/api/auth/login", null,
                "{\"email\":\"nobody@example.com\",\"password\":\"x\"}", "X-Forwarded-For", "198.51.100.9");
        assertThat(elsewhere.status()).as("another address keeps its own allowance").isEqualTo(401);
    }

    @Test
    void aSocketSenderOverTheMessageLimitGetsRateLimitedAndNothingIsStoredOrPushed() {
        Person ann = customer("Ann");
        Person agent = staff("Agnes", "agent");
        String chatId = startChat(ann, "first");
        post("/api/chats/" + chatId + "/assign", agent, Map.of());
        TestSocket annSocket = socket(ann, WEBSOCKET);
        TestSocket agentSocket = socket(agent, WEBSOCKET);
        join(annSocket, chatId);
        join(agentSocket, chatId);

        for (int i = 1; i <= 3; i++) {
            JsonNode sent = annSocket.call("sendMessage", Map.of("chatId", chatId, "content", "m" + i,
                    "clientMessageId", UUID.randomUUID().toString()));
            ok(sent);
        }
        JsonNode refused = annSocket.call("sendMessage", Map.of("chatId", chatId, "content", "m4",
                "clientMessageId", UUID.randomUUID().toString()));
        assertThat(errorCode(refused)).isEqualTo("RATE_LIMITED");
        assertThat(refused.at("/error/message").asText()).contains("3 a minute");
        assertThat(refused.at("/error/details/retryAfterSeconds").asLong()).isBetween(1L, 60L);
        // REST sends draw on the same allowance, and their 429 says when to retry like every other 429.
        Response rest = api.post("/api/chats/" + chatId + "/messages", ann.token(), Map.of("content", "m5"));
        assertThat(rest.status()).isEqualTo(429);
        assertThat(rest.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(rest.raw().headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);

        agentSocket.await("newMessage", m -> m.path("content").asText().equals("m3"));
        agentSocket.assertNo("newMessage", m -> m.path("content").asText().matches("m[45]"), Duration.ofMillis(500));
        JsonNode history = api.get("/api/chats/" + chatId + "/messages", agent.token()).data();
        assertThat(history).extracting(m -> m.path("content").asText())
                .filteredOn(content -> content.matches("first|m\\d"))
                .containsExactly("first", "m1", "m2", "m3");

        // The agent's allowance in this chat is their own.
        ok(agentSocket.call("sendMessage", Map.of("chatId", chatId, "content", "from the agent")));
    }

    /** Tokens a bucket of {@code perMinute} earned back since {@code startedNanos}, plus one it may be earning. */
    private static int refilled(int perMinute, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return (int) Math.ceil(seconds * perMinute / 60) + 1;
    }

    /** GETs {@code path} until it answers 429 (at most {@code max} times); returns how many were answered 200. */
    private int requestsUntilRefused(String path, String token, int max) {
        for (int i = 0; i < max; i++) {
            Response r = api.get(path, token);
            if (r.status() == 429) return i;
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        }
        return max;
    }
}
