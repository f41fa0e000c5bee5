package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Parley's REST API as a client sees it: JSON in, the {@code {success, data}} envelope out. */
final class Rest {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    Rest(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** An answer: HTTP status and parsed body. */
    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }

        Answer expect(int... statuses) {
            for (int s : statuses) if (s == status) return this;
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    Answer post(String path, String token, Map<String, ?> body) {
        return send("POST", path, token, body);
    }

    String login(String email, String password) {
        return post("/api/auth/login", null, Map.of("email", email, "password", password)).expect(200)
                .data().path("token").asText();
    }

    /** Registers a customer; answers {token, userId}. */
    String[] register(String name, String email, String password) {
        JsonNode data = post("/api/auth/register", null, Map.of("name", name, "email", email, "password", password))
                .expect(201).data();
        return new String[]{data.path("token").asText(), data.path("user").path("id").asText()};
    }

    /** Creates a staff account (admin token) and answers its id. */
    String createStaff(String adminToken, String name, String email, String password, String role) {
        return post("/api/admin/users", adminToken, Map.of("name", name, "email", email, "password", password,
                "role", role)).expect(201).data().path("id").asText();
    }

    boolean healthy() {
        try {
            return get("/actuator/health", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The server's used heap in bytes (an admin token is needed for the metrics endpoint); -1 if unknown. */
    long heapUsed(String adminToken) {
        try {
            Answer answer = get("/actuator/metrics/jvm.memory.used?tag=area:heap", adminToken);
            if (answer.status() != 200) return -1;
            return answer.body().path("measurements").path(0).path("value").asLong(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    Answer send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) request.header("Content-Type", "application/json");
            if (token != null) request.header("Authorization", "Bearer " + token);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            JsonNode parsed = bytes == null || bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
