package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs people of every role in over real HTTP, for the audit suites. */
final class People {
    private final Api api;
    final String admin;

    People(Api api) {
        this.api = api;
        this.admin = login("admin@parley.test", "admin-password-1").path("token").asText();
    }

    /** A signed-in person: token, id and name. */
    record Person(String token, String id, String name) {
    }

    Person customer(String name) {
        Response r = api.post("/api/auth/register", null, Map.of("name", name,
                "email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com",
                "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return person(r.data());
    }

    Person staff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin, Map.of("name", name, "email", email,
                "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return person(login(email, "staff-password-1"));
    }

    /** A guest with a chat of its own; answers the guest and the chat's id. */
    Person guest(String name) {
        Response r = api.post("/api/chats/guest", null, Map.of("name", name, "message", "Hello from a guest"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return new Person(r.data().path("guestToken").asText(), r.data().path("guestId").asText(), name);
    }

    /** Starts a chat as {@code customer}; answers its id. */
    String chat(Person customer, String message) {
        Response r = api.post("/api/chats", customer.token(), Map.of("message", message, "subject", "Login problem",
                "category", "account", "priority", "high"));
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
        return r.data().path("chat").path("id").asText();
    }

    private JsonNode login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data();
    }

    private static Person person(JsonNode auth) {
        JsonNode user = auth.path("user");
        return new Person(auth.path("token").asText(), user.path("id").asText(), user.path("name").asText());
    }
}
