package io.parley.command.autoclose;

import io.parley.command.config.CommandSideProperties;
import io.parley.shared.ChatStatus;
import io.parley.shared.command.AutoCloseChatCommand;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Closes chats that stayed resolved for {@code CHAT_AUTO_CLOSE_HOURS}. Deadlines are rows written with the
 * events (subscribing processor), so they survive restarts; any node may fire them, and the aggregate ignores
 * a close for a chat that was reopened or closed meanwhile.
 */
@Component
@ProcessingGroup("chat-policies")
public class AutoClosePolicy {
    private static final Logger log = LoggerFactory.getLogger(AutoClosePolicy.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final CommandSideProperties properties;

    AutoClosePolicy(JdbcTemplate jdbc, CommandGateway commands, CommandSideProperties properties) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.properties = properties;
    }

    @EventHandler
    void on(ChatStatusChangedEvent event) {
        jdbc.update("DELETE FROM auto_close_due WHERE chat_id = ?", event.chatId());
        if (event.status() == ChatStatus.RESOLVED) {
            Instant due = event.changedAt().plus(properties.autoCloseAfter());
            jdbc.update("INSERT INTO auto_close_due (chat_id, resolved_at, due_at) VALUES (?, ?, ?)",
                    event.chatId(), Timestamp.from(event.changedAt()), Timestamp.from(due));
        }
    }

    @EventHandler
    void on(ChatClosedEvent event) {
        jdbc.update("DELETE FROM auto_close_due WHERE chat_id = ?", event.chatId());
    }

    /** Fires every deadline that has passed; returns how many chats it asked to close. */
    @Scheduled(fixedDelayString = "${chat.auto-close-check-interval:PT1M}")
    public int closeDue() {
        List<Due> due = jdbc.query(
                "SELECT chat_id, resolved_at FROM auto_close_due WHERE due_at <= ? ORDER BY due_at LIMIT 200",
                (rs, i) -> new Due(rs.getString(1), rs.getTimestamp(2).toInstant()), Timestamp.from(Instant.now()));
        for (Due d : due) {
            try {
                commands.sendAndWait(new AutoCloseChatCommand(d.chatId(), d.resolvedAt()));
            } catch (RuntimeException e) {
                log.warn("auto-close of chat {} failed, will retry: {}", d.chatId(), e.getMessage());
            }
        }
        return due.size();
    }

    private record Due(String chatId, Instant resolvedAt) {
    }
}
