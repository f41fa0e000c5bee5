package io.parley.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP for the fuzz suite: any bytes as body, any content type and Accept, the answer as a client sees it. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code contentType}/{@code accept}/{@code token}: null sends no such header. */
    Answer send(String method, String path, byte[] body, String contentType, String accept, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (accept != null) request.header("Accept", accept);
        if (token != null) request.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String path, String token) {
        return send("GET", path, null, null, null, token).json();
    }

    /** Status, content type and raw text of a response. */
    record Answer(int status, String contentType, String text) {
        JsonNode json() {
            try {
                return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }
}
