package io.parley.bench.bare;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;

/**
 * Who a socket's {@code auth: {token}} names. The baseline trusts it: a JWT (three dot-separated parts) names its
 * {@code sub} claim, read without checking the signature; any other token is the user id itself.
 */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** The user id, or null for a blank token or a JWT without a readable {@code sub}. */
    static String userId(Object authData) {
        Object raw = authData instanceof java.util.Map<?, ?> auth ? auth.get("token") : null;
        if (!(raw instanceof String token) || token.isBlank()) return null;
        String[] parts = token.trim().split("\\.");
        if (parts.length != 3) return token.trim();
        try {
            String sub = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText(null);
            return sub == null || sub.isBlank() ? null : sub;
        } catch (Exception e) {
            return null;
        }
    }
}
