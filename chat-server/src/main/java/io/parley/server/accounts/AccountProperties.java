package io.parley.server.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin: {@code CHAT_ADMIN_EMAIL} / {@code CHAT_ADMIN_PASSWORD} (chat.admin-email, chat.admin-password),
 * and the capacity of agents and admins who have none of their own: {@code CHAT_AGENT_CAPACITY} (default 5).
 */
@ConfigurationProperties("chat")
public record AccountProperties(String adminEmail, String adminPassword, Integer agentCapacity) {
    static final int DEFAULT_AGENT_CAPACITY = 5;

    public AccountProperties {
        if (agentCapacity == null) agentCapacity = DEFAULT_AGENT_CAPACITY;
        if (agentCapacity < 1) throw new IllegalArgumentException("chat.agent-capacity must be at least 1");
    }

    boolean hasAdminEmail() {
        return adminEmail != null && !adminEmail.isBlank();
    }
}
