package io.parley.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The people and chats the REST fuzz suite aims at: a customer's chat that stays open (sends, reads, assigns)
 * and a guest's chat for status changes and closing, replaced once closed so the next tries reach the rules.
 */
final class Fixture {
    final Http http;
    final String admin;
    final String agent;
    final String customer;
    final String openChat;
    private String closableChat;

    Fixture(Http http) {
        this.http = http;
        this.admin = login("admin@parley.test", "admin-password-1");
        String agentEmail = "fuzz-agent-" + UUID.randomUUID() + "@parley.test";
        post("/api/admin/users", admin, "{\"name\":\"Fuzz Agent\",\"email\":\"" + agentEmail
                + "\",\"password\":\"agent-password-1\",\"role\":\"agent\"}");
        this.agent = login(agentEmail, "agent-password-1");
        this.customer = post("/api/auth/register", null, "{\"name\":\"Fuzz Customer\",\"email\":\"fuzz-"
                + UUID.randomUUID() + "@example.com\",\"password\":\"customer-password-1\"}")
                .at("/data/token").asText();
        this.openChat = post("/api/chats", customer, "{\"message\":\"Fuzz me\"}").at("/data/chat/id").asText();
        this.closableChat = guestChat();
    }

    String closableChat() {
        return closableChat;
    }

    /** After a successful write to the closable chat: a closed one is replaced by a fresh one. */
    void closableMayHaveClosed() {
        if ("closed".equals(chat(closableChat).path("status").asText())) closableChat = guestChat();
    }

    private JsonNode chat(String chatId) {
        return http.getJson("/api/chats/" + chatId, admin).path("data");
    }

    private String guestChat() {
        return post("/api/chats/guest", null, "{\"name\":\"Fuzz Guest\",\"message\":\"Close me\"}")
                .at("/data/chat/id").asText();
    }

    private String login(String email, String password) {
        return post("/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .at("/data/token").asText();
    }

    private JsonNode post(String path, String token, String json) {
        Http.Answer answer = http.send("POST", path, json.getBytes(StandardCharsets.UTF_8), "application/json",
                null, token);
        if (answer.status() >= 300) throw new IllegalStateException("fixture " + path + ": " + answer);
        return answer.json();
    }
}
