package io.parley.server.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a database could not store as sent is refused where it enters, naming the field, and nothing is stored;
 * every other text, emoji included, comes back exactly as sent.
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UnstorableTextTests {
    private static final String NUL = "\\u0000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aNulInAnyFieldOfAGuestStartIsRefusedAndNothingIsStored() {
        for (String field : new String[]{"name", "message", "subject", "category"}) {
            Map<String, String> body = new LinkedHashMap<>(Map.of("name", "mallory", "message", "hi",
                    "subject", "Help", "category", "billing"));
            body.put(field, "x" + NUL);
            long events = events();
            Response r = api.postRaw("/api/chats/guest", null, json(body));
            assertInvalid(r, field);
            assertThat(events()).as("events after a refused " + field).isEqualTo(events);
        }
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() {
        long events = events();
        Response r = api.postRaw("/api/chats/guest", null, "{\"name\":\"x\\ud800y\",\"message\":\"hi\"}");
        assertInvalid(r, "name");
        assertInvalid(api.postRaw("/api/chats/guest", null, "{\"name\":\"ok\",\"message\":\"\\udc00\"}"), "message");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aNulInARegistrationNameIsAValidationErrorNotAConflict() {
        String email = "nul-" + UUID.randomUUID() + "@example.com";
        Response r = api.postRaw("/api/auth/register", null,
                "{\"name\":\"Eve" + NUL + "\",\"email\":\"" + email + "\",\"password\":\"secret-password-1\"}");
        assertInvalid(r, "name");
        // The email is still free: registering it properly works.
        Response proper = api.post("/api/auth/register", null,
                Map.of("name", "Eve", "email", email, "password", "secret-password-1"));
        assertThat(proper.status()).as(proper.body().toString()).isEqualTo(201);
    }

    @Test
    void aNulInASentMessageIsRefusedAndTheHistoryStaysAsItWas() {
        Response start = api.post("/api/chats/guest", null, Map.of("name", "Gina", "message", "first"));
        assertThat(start.status()).as(start.body().toString()).isEqualTo(201);
        String token = start.data().path("guestToken").asText();
        String chatId = start.data().path("chat").path("id").asText();

        Response send = api.postRaw("/api/chats/" + chatId + "/messages", token, "{\"content\":\"a" + NUL + "b\"}");
        assertInvalid(send, "content");
        Response attachment = api.postRaw("/api/chats/" + chatId + "/messages", token,
                "{\"content\":\"a\",\"attachmentIds\":[\"m" + NUL + "\"]}");
        assertInvalid(attachment, "attachmentIds[0]");

        JsonNode messages = api.get("/api/chats/" + chatId + "/messages", token).data();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("content").asText()).isEqualTo("first");
    }

    @Test
    void overlongAndSurrogateUtf8BytesAreRefusedNotDecodedToNul() throws Exception {
        long events = events();
        // C0 80 is the overlong form of U+0000; ED A0 80 is a UTF-16 surrogate: neither is UTF-8.
        for (byte[] bad : new byte[][]{{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            HttpResponse<String> r = postBytes("/api/chats/guest", concat(
                    "{\"name\":\"m\",\"message\":\"a".getBytes(), bad, "b\"}".getBytes()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"code\":\"VALIDATION_FAILED\"").contains("\"field\":\"body\"");
        }
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void emojiAndOtherAstralCharactersRoundTripExactly() {
        String name = "Zoë 👩🏽‍💻";
        String message = "It broke 💥 — 𝄞 你好 \uD83D\uDE00 <b>&amp;</b>";
        Response start = api.post("/api/chats/guest", null, Map.of("name", name, "message", message,
                "subject", "Émoji 🎉", "category", "ünicode-✓"));
        assertThat(start.status()).as(start.body().toString()).isEqualTo(201);
        String token = start.data().path("guestToken").asText();
        String chatId = start.data().path("chat").path("id").asText();

        JsonNode chat = api.get("/api/chats/" + chatId, token).data();
        assertThat(chat.path("subject").asText()).isEqualTo("Émoji 🎉");
        assertThat(chat.path("category").asText()).isEqualTo("ünicode-✓");
        assertThat(chat.path("customer").path("name").asText()).isEqualTo(name);
        JsonNode messages = api.get("/api/chats/" + chatId + "/messages", token).data();
        assertThat(messages.get(0).path("content").asText()).isEqualTo(message);
        assertThat(messages.get(0).path("senderName").asText()).isEqualTo(name);
    }

    @Test
    void aNulOrIllFormedUtf8InAQueryParameterOrPathIsRefused() {
        String admin = api.post("/api/auth/login", null, Map.of("email", "admin@parley.test",
                "password", "admin-password-1")).data().path("token").asText();
        assertInvalid(api.get("/api/chats?q=a%00b", admin), "q");
        assertInvalid(api.get("/api/chats?q=a%C0%80b", admin), "q");
        assertInvalid(api.get("/api/chats?status=active&category=%ED%A0%80", admin), "category");
        assertThat(api.get("/api/chats?q=%F0%9F%91%8B", admin).status()).isEqualTo(200);
        // Tomcat refuses these paths itself; the answer is still the contract's envelope.
        assertInvalid(api.get("/api/chats/ab%00cd", admin), "path");
    }

    private static void assertInvalid(Response r, String field) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().path("error").path("details").findValuesAsText("field")).as(r.body().toString())
                .contains(field);
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private static String json(Map<String, String> body) {
        StringBuilder json = new StringBuilder("{");
        body.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        return json.append('}').toString();
    }

    private HttpResponse<String> postBytes(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
