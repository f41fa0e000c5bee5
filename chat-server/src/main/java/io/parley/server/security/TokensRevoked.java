package io.parley.server.security;

import java.util.List;

/**
 * Spring application event, published after the revocation is committed: the sockets authenticated with one of
 * {@code jtis} should get {@code forceLogout} with {@code reason} and be disconnected.
 */
public record TokensRevoked(String subject, List<String> jtis, String reason) {
    public static final String LOGOUT = "logout";
    public static final String SESSION_REPLACED = "session_replaced";
    public static final String DEACTIVATED = "deactivated";
    public static final String ROLE_CHANGED = "role_changed";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String REFRESHED = "refreshed";
}
