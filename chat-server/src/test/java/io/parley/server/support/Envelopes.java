package io.parley.server.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's error envelope, as every refusal on REST and every failed socket ack must carry it. */
public final class Envelopes {
    /** The contract's codes; INTERNAL is among them but must never be produced by bad input. */
    public static final Set<String> CLIENT_CODES = Set.of("VALIDATION_FAILED", "AUTH_REQUIRED", "AUTH_FAILED",
            "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED",
            "UNKNOWN_EVENT");

    private Envelopes() {
    }

    /** {@code {success:false, error:{code, message}}} with a code of the contract and a non-blank message. */
    public static void assertError(JsonNode body, String context) {
        assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean())
                .as("success:false in %s", context).isTrue();
        assertThat(body.path("error").path("code").asText()).as("error.code in %s", context).isIn(CLIENT_CODES);
        assertThat(body.path("error").path("message").asText()).as("error.message in %s", context).isNotBlank();
    }
}
