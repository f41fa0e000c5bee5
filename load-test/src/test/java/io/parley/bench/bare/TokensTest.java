package io.parley.bench.bare;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** bare takes the user from the token without verifying it: a JWT's sub, or the token itself. */
class TokensTest {

    @Test
    void aJwtNamesTheUserOfItsSubClaimWhateverItsSignature() {
        String body = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"user-42\",\"role\":\"user\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(Tokens.userId(Map.of("token", "eyJhbGciOiJIUzI1NiJ9." + body + ".not-a-signature")))
                .isEqualTo("user-42");
    }

    @Test
    void anyOtherTokenIsTheUserIdItself() {
        assertThat(Tokens.userId(Map.of("token", " agent-7 "))).isEqualTo("agent-7");
    }

    @Test
    void noTokenOrAJwtWithoutSubNamesNobody() {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(Tokens.userId(Map.of("token", "a." + body + ".c"))).isNull();
        assertThat(Tokens.userId(Map.of("token", "  "))).isNull();
        assertThat(Tokens.userId(null)).isNull();
    }
}
