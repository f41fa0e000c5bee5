package io.parley.server.security;

import io.parley.server.ChatServerApplication;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.parley.server.security.ApiClient.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** CHAT_SINGLE_SESSION=true: a new login revokes the same user's older tokens and announces it. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "chat.single-session=true")
@Import(AuthSingleSessionTests.Probes.class)
abstract class AuthSingleSessionTests {
    @LocalServerPort
    int port;
    @Autowired
    RevocationRecorder revocations;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aNewLoginRevokesTheOlderTokenAndAnnouncesIt() {
        String email = randomEmail();
        String first = api.register(email, "password-123").token();
        String userId = api.get("/api/auth/me", first).data().get("id").asText();

        String second = api.login(email, "password-123").token();

        ApiClient.Response old = api.get("/api/auth/me", first);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(api.get("/api/auth/me", second).status()).isEqualTo(200);
        assertThat(revocations.events).contains(
                new TokensRevoked(userId, List.of(jtiOf(first)), TokensRevoked.SESSION_REPLACED));
    }

    @Test
    void otherUsersKeepTheirSessions() {
        String email = randomEmail();
        String bystander = api.register(randomEmail(), "password-123").token();
        api.register(email, "password-123");
        api.login(email, "password-123");
        assertThat(api.get("/api/auth/me", bystander).status()).isEqualTo(200);
    }

    @Test
    void logoutAnnouncesTheRevokedToken() {
        String token = api.register(randomEmail(), "password-123").token();
        String userId = api.get("/api/auth/me", token).data().get("id").asText();
        api.post("/api/auth/logout", null, token);
        assertThat(revocations.events).contains(new TokensRevoked(userId, List.of(jtiOf(token)), TokensRevoked.LOGOUT));
    }

    @Test
    void asyncEndpointsStillSeeTheAuthenticatedActor() {
        ApiClient.Response registered = api.register(randomEmail(), "password-123");
        ApiClient.Response response = api.get("/test-probe/async-me", registered.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.data().get("id")).isEqualTo(registered.data().at("/user/id"));
    }

    private static String jtiOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
    }

    @TestConfiguration
    static class Probes {
        @Bean
        RevocationRecorder revocationRecorder() {
            return new RevocationRecorder();
        }

        @Bean
        AsyncProbe asyncProbe() {
            return new AsyncProbe();
        }
    }

    static class RevocationRecorder {
        final List<TokensRevoked> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TokensRevoked event) {
            events.add(event);
        }
    }

    /** Controllers that return futures are dispatched twice; the second dispatch must keep the principal. */
    @RestController
    static class AsyncProbe {
        @GetMapping("/test-probe/async-me")
        CompletableFuture<ApiResponse<Actor>> me(@AuthenticationPrincipal Actor actor) {
            return CompletableFuture.supplyAsync(() -> ApiResponse.ok(actor));
        }
    }
}
