package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.realtime.server.SocketServer;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api.Response;
import io.parley.server.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server on a random HTTP port and a free Socket.IO port, with people made over REST and real
 * Socket.IO clients. {@code CHAT_SINGLE_SESSION} is on so forced logout can be tested in this same context.
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "chat.single-session=true")
@Import(RollbackProbe.class)
public abstract class RealtimeTestBase {
    protected static final String WEBSOCKET = "websocket";
    protected static final String POLLING = "polling";

    @LocalServerPort
    protected int httpPort;
    @Autowired
    protected SocketServer socketServer;
    protected Api api;
    protected String admin;
    private final List<TestSocket> sockets = new ArrayList<>();

    /** Someone who can log in: id, display name, token, role. */
    protected record Person(String id, String name, String token, String role, String email, String password) {
        Person withToken(String newToken) {
            return new Person(id, name, newToken, role, email, password);
        }
    }

    @BeforeEach
    void connectApi() {
        api = new Api(httpPort);
        admin = login("admin@parley.test", "admin-password-1").token();
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(TestSocket::close);
        sockets.clear();
    }

    protected Person login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode user = r.data().path("user");
        return new Person(user.path("id").asText(), user.path("name").asText(), r.data().path("token").asText(),
                user.path("role").asText(), email, password);
    }

    protected Person customer(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response r = api.post("/api/auth/register", null,
                Map.of("name", name, "email", email, "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        JsonNode user = r.data().path("user");
        return new Person(user.path("id").asText(), name, r.data().path("token").asText(), "user", email,
                "secret-password-1");
    }

    protected Person staff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(email, "staff-password-1");
    }

    /** A guest starts a chat over REST; returns the guest and the started chat's id. */
    GuestStart guest(String name, String message) {
        Response r = api.post("/api/chats/guest", null, Map.of("name", name, "message", message));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        Person guest = new Person(r.data().path("guestId").asText(), name, r.data().path("guestToken").asText(),
                "guest", null, null);
        return new GuestStart(guest, r.data().path("chat").path("id").asText());
    }

    record GuestStart(Person guest, String chatId) {
    }

    protected String startChat(Person customer, String message) {
        Response r = api.post("/api/chats", customer.token(), Map.of("message", message, "subject", "Help",
                "category", "account", "priority", "high"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.data().path("chat").path("id").asText();
    }

    protected Response post(String path, Person who, Object body) {
        Response r = api.post(path, who.token(), body);
        assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 299);
        return r;
    }

    protected TestSocket socket(Person who, String transport) {
        return track(TestSocket.open(who.name() + "/" + transport, socketServer.port(), who.token(), transport))
                .connected();
    }

    protected TestSocket track(TestSocket socket) {
        sockets.add(socket);
        return socket;
    }

    /** Joins a chat and returns the acknowledged data ({chat, missed, presence}). */
    protected static JsonNode join(TestSocket socket, String chatId) {
        JsonNode ack = socket.call("joinChat", Map.of("chatId", chatId));
        assertThat(ack.path("success").asBoolean()).as(socket.label + " joins: " + ack).isTrue();
        return ack.path("data");
    }

    static JsonNode ok(JsonNode ack) {
        assertThat(ack.path("success").asBoolean()).as(String.valueOf(ack)).isTrue();
        return ack.path("data");
    }

    static String errorCode(JsonNode ack) {
        assertThat(ack.path("success").asBoolean()).as(String.valueOf(ack)).isFalse();
        return ack.path("error").path("code").asText();
    }
}
