package io.parley.server.api;

import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/auth/password over real HTTP, in ChatApiTests' context (several sessions per person, unlike the
 * realtime suites' single-session one): the other sessions end, the one that changed it goes on.
 */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PasswordChangeTests {
    static final String OLD = "staff-password-1";
    static final String NEW = "a brand new passphrase";

    @LocalServerPort
    int port;
    Api api;
    String email;

    @BeforeEach
    void createAgent() {
        api = new Api(port);
        String admin = login("admin@parley.test", "admin-password-1");
        email = "ivy-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", "Ivy", "email", email, "password", OLD, "role", "agent"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String laptop = login(email, OLD);
        String phone = login(email, OLD);

        Response changed = api.post("/api/auth/password", laptop, Map.of("currentPassword", OLD, "newPassword", NEW));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(204);
        assertThat(api.get("/api/auth/me", laptop).status()).isEqualTo(200);
        Response onPhone = api.get("/api/auth/me", phone);
        assertThat(onPhone.status()).isEqualTo(401);
        assertThat(onPhone.errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(api.post("/api/auth/login", null, Map.of("email", email, "password", OLD)).status())
                .isEqualTo(401);
        assertThat(login(email, NEW)).isNotBlank();
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneChangesNothing() {
        String token = login(email, OLD);
        Response wrong = api.post("/api/auth/password", token, Map.of("currentPassword", "not-it-at-all",
                "newPassword", NEW));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("AUTH_FAILED");
        Response tooShort = api.post("/api/auth/password", token, Map.of("currentPassword", OLD,
                "newPassword", "short"));
        assertThat(tooShort.errorCode()).isEqualTo("VALIDATION_FAILED");
        Response notAString = api.postRaw("/api/auth/password", token,
                "{\"currentPassword\": \"" + OLD + "\", \"newPassword\": 12345678}");
        assertThat(notAString.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(200);
        assertThat(login(email, OLD)).isNotBlank();
    }

    @Test
    void guestsHaveNoPasswordToChange() {
        Response guest = api.post("/api/chats/guest", null, Map.of("name", "Gina", "message", "hi"));
        String guestToken = guest.data().path("guestToken").asText();
        Response r = api.post("/api/auth/password", guestToken, Map.of("currentPassword", OLD, "newPassword", NEW));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
    }

    String login(String who, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", who, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().path("token").asText();
    }
}
