package io.parley.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** Real HTTP against a test server: sends JSON, reads the envelope back. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public static String randomEmail() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "@example.com";
    }

    public Response get(String path, String token) {
        return send("GET", path, null, null, token);
    }

    public Response post(String path, Object body, String token) {
        try {
            String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return send("POST", path, "application/json", json, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(String method, String path, String contentType, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a customer and returns the response (data.token, data.user). */
    public Response register(String email, String password) {
        return post("/api/auth/register", Map.of("name", "Test Person", "email", email, "password", password), null);
    }

    public Response login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password), null);
    }

    public String adminToken() {
        return login("admin@parley.test", "admin-password-1").body().at("/data/token").asText();
    }

    /** Status, parsed body (MissingNode when empty), headers and the raw text. */
    public record Response(int status, JsonNode body, HttpHeaders headers, String raw) {

        public String errorCode() {
            return body.at("/error/code").asText(null);
        }

        public JsonNode data() {
            return body.get("data");
        }

        public String token() {
            return body.at("/data/token").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
