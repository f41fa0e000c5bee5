package io.parley.server.accounts;

import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Makes a fresh installation usable: the admin of {@code CHAT_ADMIN_EMAIL}, or, without it, a demo admin, agent
 * and customer on an empty database, whose random passwords are printed once.
 */
@Component
class AccountBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final AccountProperties properties;
    private final TransactionTemplate transaction;

    AccountBootstrap(AccountService accounts, AccountProperties properties, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.properties = properties;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (properties.hasAdminEmail()) {
                createConfiguredAdmin();
            } else {
                createDemoAccounts();
            }
        } catch (ChatRejectedException raceWithAnotherNode) {
            // Several nodes starting on one database: the unique email lets exactly one of them win.
            log.info("bootstrap accounts were created by another node ({})", raceWithAnotherNode.getMessage());
        }
    }

    private void createConfiguredAdmin() {
        String email = properties.adminEmail().strip();
        if (accounts.emailExists(email)) return;
        String password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) password = randomPassword();
        if (password.length() < 8) {
            log.warn("CHAT_ADMIN_PASSWORD is shorter than 8 characters; choose a longer one");
        }
        accounts.create("Administrator", email, password, Role.ADMIN);
        if (generated) {
            printBlock(List.<String[]>of(new String[]{"admin", AccountService.normalizeEmail(email), password}));
        } else {
            log.info("created the admin account {} from CHAT_ADMIN_EMAIL", AccountService.normalizeEmail(email));
        }
    }

    private void createDemoAccounts() {
        List<String[]> created = transaction.execute(status -> {
            if (!accounts.isEmpty()) return List.of();
            List<String[]> rows = new ArrayList<>();
            rows.add(demo("Administrator", "admin@parley.local", Role.ADMIN));
            rows.add(demo("Support Agent", "agent@parley.local", Role.AGENT));
            rows.add(demo("Demo Customer", "customer@parley.local", Role.USER));
            return rows;
        });
        if (created != null && !created.isEmpty()) printBlock(created);
    }

    private String[] demo(String name, String email, Role role) {
        String password = randomPassword();
        accounts.create(name, email, password, role);
        return new String[]{role.wire(), email, password};
    }

    private static void printBlock(List<String[]> rows) {
        StringBuilder block = new StringBuilder("\n")
                .append("==================== Parley: accounts created on first start ====================\n")
                .append(String.format("  %-8s %-28s %s%n", "ROLE", "EMAIL", "PASSWORD"));
        for (String[] row : rows) block.append(String.format("  %-8s %-28s %s%n", row[0], row[1], row[2]));
        block.append("  These passwords are shown only this once. Set CHAT_ADMIN_EMAIL and CHAT_ADMIN_PASSWORD\n")
                .append("  to choose the first admin yourself.\n")
                .append("=================================================================================");
        log.warn(block.toString());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
