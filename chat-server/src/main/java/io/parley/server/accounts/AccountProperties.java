package io.parley.server.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first admin: {@code CHAT_ADMIN_EMAIL} / {@code CHAT_ADMIN_PASSWORD} (chat.admin-email, chat.admin-password). */
@ConfigurationProperties("chat")
public record AccountProperties(String adminEmail, String adminPassword) {

    boolean hasAdminEmail() {
        return adminEmail != null && !adminEmail.isBlank();
    }
}
