package io.parley.query.unread;

import io.parley.query.projection.ReadModelDatabase;
import io.parley.query.projection.ReadModelDatabase.Event;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesReadEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The unread projection on a real database, fed batches of events the way its processor feeds them. */
class UnreadProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.000Z");

    private final ReadModelDatabase database = new ReadModelDatabase();
    private final UnreadProjection projection = new UnreadProjection(database.batches());

    @Test
    void aRedeliveredMessageIsNotCountedTwice() {
        database.batch(projection, started("chat-1", 0));
        database.batch(projection, message("chat-1", 1, "customer-1", Role.USER),
                message("chat-1", 2, "agent-1", Role.AGENT));
        database.batch(projection, message("chat-1", 2, "agent-1", Role.AGENT));

        UnreadChatEntity chat = row("chat-1");
        assertThat(chat.toValue().unread(Side.CUSTOMER)).isEqualTo(1);
        assertThat(chat.version).isEqualTo(2);
    }

    @Test
    void aReadEventMovesTheReadersPointerAndTheVersion() {
        database.batch(projection, started("chat-1", 0), message("chat-1", 1, "customer-1", Role.USER));
        database.batch(projection, message("chat-1", 2, "customer-1", Role.USER),
                new Event("chat-1", 3, new MessagesReadEvent("chat-1", Side.STAFF, "agent-1", Role.AGENT, 2, NOW)));

        UnreadChatEntity chat = row("chat-1");
        assertThat(chat.toValue().unread(Side.STAFF)).isZero();
        assertThat(chat.version).isEqualTo(3);
    }

    @Test
    void oneBatchOfSeveralChatsWritesEachChatAsEventByEventWould() {
        database.batch(projection, started("chat-1", 0), started("chat-2", 0),
                message("chat-1", 1, "customer-1", Role.USER), message("chat-2", 1, "customer-2", Role.USER),
                message("chat-1", 2, "customer-1", Role.USER));
        database.batch(projection, started("chat-3", 0));
        database.batch(projection, message("chat-3", 1, "customer-3", Role.USER));

        assertThat(row("chat-1").toValue().unread(Side.STAFF)).isEqualTo(2);
        assertThat(row("chat-2").toValue().unread(Side.STAFF)).isEqualTo(1);
        assertThat(row("chat-3").toValue().unread(Side.STAFF)).isEqualTo(1);
        assertThat(row("chat-1").version).isEqualTo(2);
    }

    @Test
    void anEventOfAnUnknownChatChangesNothing() {
        database.batch(projection, message("chat-9", 1, "customer-9", Role.USER));

        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM unread_chat", Map.of(), Long.class))
                .isZero();
    }

    private UnreadChatEntity row(String chatId) {
        return database.jdbc().queryForObject(UnreadRows.TABLE.select(), Map.of("ids", List.of(chatId)),
                UnreadRows.TABLE.mapper());
    }

    private static Event started(String chatId, long sequenceNumber) {
        String customer = "customer-" + chatId.substring(chatId.indexOf('-') + 1);
        return new Event(chatId, sequenceNumber, new ChatStartedEvent(chatId, "TKT-2026-000001", customer, Role.USER,
                "Ann", "ann@example.com", "Help", "general", Priority.MEDIUM, NOW));
    }

    private static Event message(String chatId, long seq, String senderId, Role role) {
        return new Event(chatId, seq, new MessageSentEvent(chatId, "m-" + chatId + "-" + seq, seq, senderId, role,
                senderId, "hello", List.of(), null, NOW));
    }
}
