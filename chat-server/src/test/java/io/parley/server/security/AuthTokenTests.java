package io.parley.server.security;

import io.jsonwebtoken.Jwts;
import io.parley.server.ChatServerApplication;
import io.parley.server.security.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static io.parley.server.security.ApiClient.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** What a bearer token must be to get in: present, signed by us, HS256, unexpired and not revoked. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuthTokenTests {
    @LocalServerPort
    int port;
    @Value("${chat.jwt-secret}")
    String secret;
    @Autowired
    TokenService tokens;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void noTokenMeansAuthRequired() {
        Response response = api.get("/api/auth/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().get("success").asBoolean()).isFalse();
        assertThat(response.errorCode()).isEqualTo("AUTH_REQUIRED");
        assertThat(response.body().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void anExpiredTokenFails() {
        Instant past = Instant.now().minusSeconds(7200);
        String expired = Jwts.builder().subject(registeredUserId()).claim("role", "user").claim("name", "Old")
                .id(UUID.randomUUID().toString()).issuedAt(Date.from(past))
                .expiration(Date.from(past.plusSeconds(3600)))
                .signWith(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
        Response response = api.get("/api/auth/me", expired);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("AUTH_FAILED");
        assertThat(response.body().at("/error/message").asText()).contains("expired");
    }

    @Test
    void aTokenIssuedInTheFutureFails() {
        Instant later = Instant.now().plusSeconds(3600);
        String fromTheFuture = Jwts.builder().subject(registeredUserId()).claim("role", "user").claim("name", "Eve")
                .id(UUID.randomUUID().toString()).issuedAt(Date.from(later))
                .expiration(Date.from(later.plusSeconds(3600)))
                .signWith(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
        assertAuthFailed(api.get("/api/auth/me", fromTheFuture));
    }

    @Test
    void aTokenWithAForgedPayloadFails() {
        String[] parts = api.register(randomEmail(), "password-123").token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"user\"", "\"role\":\"admin\"");
        assertThat(payload).contains("\"role\":\"admin\"");
        String forged = parts[0] + "." + base64(payload) + "." + parts[2];
        assertAuthFailed(api.get("/api/admin/users", forged));
    }

    @Test
    void aTokenWithATamperedSignatureFails() {
        String token = api.register(randomEmail(), "password-123").token();
        int signatureStart = token.lastIndexOf('.') + 1;
        char flipped = token.charAt(signatureStart) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, signatureStart) + flipped + token.substring(signatureStart + 1);
        assertAuthFailed(api.get("/api/auth/me", tampered));
    }

    @Test
    void anUnsignedAlgNoneTokenFails() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long exp = Instant.now().plusSeconds(3600).getEpochSecond();
        String payload = base64("{\"sub\":\"" + registeredUserId() + "\",\"role\":\"admin\",\"name\":\"Mallory\","
                + "\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + (exp - 3600) + ",\"exp\":" + exp + "}");
        assertAuthFailed(api.get("/api/admin/users", header + "." + payload + "."));
    }

    @Test
    void aRevokedTokenFailsWithTheReason() {
        String token = api.register(randomEmail(), "password-123").token();
        assertThat(api.post("/api/auth/logout", null, token).status()).isEqualTo(204);
        Response response = api.get("/api/auth/me", token);
        assertAuthFailed(response);
        assertThat(response.body().at("/error/message").asText()).contains("revoked");
        assertAuthFailed(api.post("/api/auth/logout", null, token));
    }

    @Test
    void garbageInTheAuthorizationHeaderFails() {
        assertAuthFailed(api.get("/api/auth/me", "not.a.jwt"));
        assertAuthFailed(api.get("/api/auth/me", "x".repeat(5000)));
    }

    @Test
    void publicEndpointsIgnoreABadTokenInsteadOfRejectingTheRequest() {
        Response response = api.post("/api/auth/register",
                Map.of("name", "Late", "email", randomEmail(), "password", "password-123"), "not.a.jwt");
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void aGuestTokenSpeaksForTheGuest() {
        String guestId = UUID.randomUUID().toString();
        String token = tokens.issueGuestToken(guestId, "Visitor");
        Response me = api.get("/api/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().get("id").asText()).isEqualTo(guestId);
        assertThat(me.data().get("role").asText()).isEqualTo("guest");
        assertThat(tokens.verifyActor(token).name()).isEqualTo("Visitor");
        long lifetime = tokens.verify(token).expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        assertThat(lifetime).isBetween(29L * 24 * 3600, 30L * 24 * 3600);
    }

    @Test
    void anAccountTokenLastsAnHourAndCarriesTheContractClaims() {
        String token = api.register(randomEmail(), "password-123").token();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"sub\"", "\"role\":\"user\"", "\"name\"", "\"jti\"", "\"iat\"", "\"exp\"");
        long lifetime = tokens.verify(token).expiresAt().getEpochSecond() - Instant.now().getEpochSecond();
        assertThat(lifetime).isBetween(3500L, 3600L);
    }

    private String registeredUserId() {
        return api.register(randomEmail(), "password-123").data().at("/user/id").asText();
    }

    private static void assertAuthFailed(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("AUTH_FAILED");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
