package io.parley.server.security;

import io.parley.server.ChatServerApplication;
import io.parley.server.security.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.parley.server.security.ApiClient.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal the server produces is the contract envelope with the right status, never a default page. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuthErrorEnvelopeTests {
    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void malformedJsonIsAValidationError() {
        Response response = api.post("/api/auth/register", "{\"name\": \"x\", ", null);
        assertError(response, 400, "VALIDATION_FAILED");
        assertThat(response.body().at("/error/details/0/field").asText()).isEqualTo("body");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        Response response = api.post("/api/auth/register",
                "{\"name\": {\"first\": \"x\"}, \"email\": \"" + randomEmail() + "\", \"password\": \"password-1\"}",
                null);
        assertError(response, 400, "VALIDATION_FAILED");
        assertThat(response.body().at("/error/details/0/field").asText()).isEqualTo("name");
    }

    @Test
    void aMissingBodyIsAValidationError() {
        assertError(api.send("POST", "/api/auth/login", "application/json", null, null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aNonJsonContentTypeIsUnsupported() {
        Response response = api.send("POST", "/api/auth/login", "text/plain", "hello", null);
        assertError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.headers().firstValue("Accept")).hasValueSatisfying(
                v -> assertThat(v).contains("application/json"));
    }

    /** Found by RestFuzzH2IT: the firewall refused the form body's parameter name inside MVC, which was a 500. */
    @Test
    void aFormBodyWithAControlCharacterInAParameterNameIsBadInput() {
        Response response = api.send("POST", "/api/chats/guest", "application/x-www-form-urlencoded", "a%07b=1",
                null);
        assertError(response, 400, "VALIDATION_FAILED");
    }

    /** Found by RestFuzzH2IT: an unbalanced quote in Accept broke Spring's parser, a 500 on any request. */
    @Test
    void anAcceptHeaderSpringCannotParseIsNotAcceptable() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me"))
                .header("Accept", "\"Eb[,]hmX5b/e@1(KV*G[$|'je").GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(406);
        assertThat(response.body()).contains("\"VALIDATION_FAILED\"");
    }

    /** Found by RestFuzzH2IT: a multipart body without a boundary failed to parse, which was a 500. */
    @Test
    void aMultipartBodyWithoutABoundaryIsBadInput() {
        String token = api.register(randomEmail(), "password-123").token();
        assertError(api.send("GET", "/api/chats/mine", "multipart/form-data", "--x\r\n", token), 400,
                "VALIDATION_FAILED");
    }

    /** Found by RestFuzzH2IT: Spring checked Accept only when answering, after the write was stored. */
    @Test
    void aWriteWhoseAcceptRulesOutJsonIsRefusedBeforeItRuns() {
        String email = randomEmail();
        String body = "{\"name\": \"x\", \"email\": \"" + email + "\", \"password\": \"password-123\"}";
        for (String accept : List.of("text/html", "u!)D", "application/json;q=0")) {
            HttpResponse<String> refused = send("/api/auth/register", body, accept);
            assertThat(refused.statusCode()).as(accept + ": " + refused.body()).isEqualTo(406);
            assertThat(refused.body()).contains("\"VALIDATION_FAILED\"");
        }
        assertThat(api.login(email, "password-123").status()).isEqualTo(401);
        assertThat(send("/api/auth/register", body, "application/problem+json, text/html").statusCode())
                .isEqualTo(201);
    }

    private HttpResponse<String> send(String path, String json, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnknownEndpointIsNotFound() {
        String token = api.register(randomEmail(), "password-123").token();
        assertError(api.get("/api/no-such-thing", token), 404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIsRefusedWithTheAllowedOnes() {
        String token = api.register(randomEmail(), "password-123").token();
        Response response = api.get("/api/auth/logout", token);
        assertError(response, 405, "VALIDATION_FAILED");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    @Test
    void aJsonBodyOverTheLimitIsTooLarge() {
        String huge = "{\"email\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"x\"}";
        assertError(api.post("/api/auth/login", huge, null), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIsTooLarge() throws Exception {
        byte[] huge = ("{\"email\": \"" + "a".repeat(70 * 1024) + "\", \"password\": \"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void theErrorPageItselfAnswersWithTheEnvelope() {
        Response response = api.get("/error", null);
        assertError(response, 404, "NOT_FOUND");
        assertThat(response.raw()).doesNotContain("timestamp", "trace", "path");
    }

    @Test
    void aMalformedUrlIsRefusedAsBadInput() {
        assertError(api.get("/api/auth/%2e%2e/me", null), 400, "VALIDATION_FAILED");
    }

    /** Requests Tomcat refuses before Spring sees them answer the envelope too, never Tomcat's HTML page. */
    @Test
    void requestsTomcatRefusesAnswerTheEnvelope() throws Exception {
        String big = "a".repeat(9 * 1024);
        for (String head : List.of("GET /api/chats/a%2Fb HTTP/1.1", "GET /api/chats/a%5Cb HTTP/1.1",
                "GET /api/chats/a%00b HTTP/1.1", "GET /api/chats/a%C3%28b HTTP/1.1",
                "GET /api/chats?status=[] HTTP/1.1",
                "GET /api/chats/" + big + " HTTP/1.1", "GET /api/chats HTTP/1.1\r\nX-Big: " + big)) {
            String answer = raw(head);
            String context = head.substring(0, Math.min(60, head.length())) + " -> " + answer;
            assertThat(answer).as(context).startsWith("HTTP/1.1 400");
            assertThat(answer).as(context).containsIgnoringCase("Content-Type: application/json")
                    .contains("\"success\":false", "\"code\":\"VALIDATION_FAILED\"").doesNotContain("<html");
        }
    }

    private String raw(String head) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void healthAndApiDocsArePublicButOtherActuatorEndpointsAreForAdmins() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        String customer = api.register(randomEmail(), "password-123").token();
        assertError(api.get("/actuator/metrics", customer), 403, "FORBIDDEN");
        assertThat(api.get("/actuator/metrics", api.adminToken()).status()).isEqualTo(200);
    }

    private static void assertError(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body().get("success").asBoolean()).isFalse();
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.body().at("/error/message").asText()).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception", "at io.", "at org.");
    }
}
