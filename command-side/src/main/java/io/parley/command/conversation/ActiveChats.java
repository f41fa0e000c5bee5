package io.parley.command.conversation;

import io.parley.shared.ChatStatus;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's lookup of each customer's active chat. Kept by a subscribing processor, so every change
 * commits with the events that caused it.
 */
@Component
@ProcessingGroup(ActiveChats.GROUP)
class ActiveChats {
    static final String GROUP = "chat-policies";

    private final JdbcTemplate jdbc;

    ActiveChats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(String customerId) {
        return jdbc.queryForList("SELECT chat_id FROM active_chat WHERE customer_id = ?", String.class, customerId)
                .stream().findFirst();
    }

    /** Fails with a duplicate key when a concurrent start claimed this customer first. */
    void claim(String customerId, String chatId) {
        jdbc.update("INSERT INTO active_chat (customer_id, chat_id) VALUES (?, ?)", customerId, chatId);
    }

    @EventHandler
    void on(ChatStatusChangedEvent event) {
        if (event.status() == ChatStatus.RESOLVED) {
            release(event.chatId());
        } else if (event.previousStatus() == ChatStatus.RESOLVED && event.changedByRole().isCustomer()) {
            // The customer wrote again and reopened it; it is active again unless they started another since.
            jdbc.update("INSERT INTO active_chat (customer_id, chat_id) SELECT ?, ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM active_chat WHERE customer_id = ? OR chat_id = ?)",
                    event.changedById(), event.chatId(), event.changedById(), event.chatId());
        }
    }

    @EventHandler
    void on(ChatClosedEvent event) {
        release(event.chatId());
    }

    private void release(String chatId) {
        jdbc.update("DELETE FROM active_chat WHERE chat_id = ?", chatId);
    }
}
