package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and chats made over REST as a client makes them, on whichever node it is given. */
final class ClusterUsers {
    private ClusterUsers() {
    }

    /** A signed-in account: its id and bearer token (valid on every node, which share the JWT secret). */
    record Person(String id, String token) {
    }

    static Person login(Api api, String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return person(r.data());
    }

    static Person admin(Api api) {
        return login(api, LocalCluster.ADMIN_EMAIL, LocalCluster.ADMIN_PASSWORD);
    }

    static Person registerCustomer(Api api, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response r = api.post("/api/auth/register", null,
                Map.of("name", name, "email", email, "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return person(r.data());
    }

    /** An agent created by the admin on one node and signed in on another. */
    static Person createAgent(Api adminApi, Person admin, Api loginApi, String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = adminApi.post("/api/admin/users", admin.token(),
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", "agent"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(loginApi, email, "staff-password-1");
    }

    /** Starts a chat with its first message (seq 1) and answers the chat's id. */
    static String startChat(Api api, Person customer, String message) {
        Response r = api.post("/api/chats", customer.token(), Map.of("message", message, "subject", "Cluster",
                "category", "account", "priority", "high"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("chat").path("id").asText();
    }

    private static Person person(JsonNode data) {
        return new Person(data.path("user").path("id").asText(), data.path("token").asText());
    }
}
