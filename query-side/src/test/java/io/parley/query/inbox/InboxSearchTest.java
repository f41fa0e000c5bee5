package io.parley.query.inbox;

import io.parley.query.projection.ReadModelDatabase;
import io.parley.query.projection.ReadModelDatabase.Event;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatUpdatedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.NoteAddedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox projection keeps each chat's search document from its events, and the inbox listing finds chats by
 * it, on the embedded database (the PostgreSQL side runs in chat-server's InboxSearchPostgresIT).
 */
class InboxSearchTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:30:00.000Z");

    private final ReadModelDatabase database = new ReadModelDatabase();
    private final SearchDocument document = new SearchDocument(false);
    private final InboxProjection projection = new InboxProjection(database.batches(), document);
    private final InboxChats inbox = new InboxChats(null, database.jdbc(), document);

    @Test
    void aWordSaidByTheCustomerOrStaffFindsTheChat() {
        database.batch(projection, started("chat-1", "Ann", "ann.lee@example.com"),
                said("chat-1", 1, 1, Role.USER, "My Parcel never came"),
                said("chat-1", 2, 2, Role.AGENT, "Checking with the courier"));
        database.batch(projection, started("chat-2", "Bob", "bob@example.com"));

        assertThat(staffSearch("parcel")).containsExactly("chat-1");
        assertThat(staffSearch("COURIER")).containsExactly("chat-1");
        assertThat(staffSearch("no such word")).isEmpty();
    }

    @Test
    void systemNoticesAndPrivateNotesAreNeverFound() {
        database.batch(projection, started("chat-1", "Ann", "ann@example.com"),
                said("chat-1", 1, 1, Role.SYSTEM, "Alice joined the chat"),
                new Event("chat-1", 2, new NoteAddedEvent("chat-1", "note-1", 1, "agent-1", Role.AGENT, "Alice",
                        "customer seems angry", NOW)));

        assertThat(staffSearch("joined")).isEmpty();
        assertThat(staffSearch("angry")).isEmpty();
    }

    @Test
    void ticketSubjectNameAndEmailMatchAsSubstringsForEveryone() {
        database.batch(projection, started("chat-1", "Ann Lee", "ann.lee@example.com"));
        database.batch(projection, new Event("chat-1", 1, new ChatUpdatedEvent("chat-1", "Refund for order 77",
                null, null, null, "agent-1", Role.AGENT, NOW)));

        assertThat(staffSearch("lee@exam")).containsExactly("chat-1");
        assertThat(staffSearch("NN LE")).containsExactly("chat-1");
        assertThat(staffSearch("-000001")).containsExactly("chat-1");
        assertThat(staffSearch("order 77")).containsExactly("chat-1");
        assertThat(search("lee@exam", false)).containsExactly("chat-1");
    }

    @Test
    void withoutMessageSearchOnlyTheInboxColumnsMatch() {
        database.batch(projection, started("chat-1", "Ann", "ann@example.com"),
                said("chat-1", 1, 1, Role.USER, "my parcel"));

        assertThat(search("parcel", false)).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsAddedOnce() {
        database.batch(projection, started("chat-1", "Ann", "ann@example.com"),
                said("chat-1", 1, 1, Role.USER, "parcel"));
        database.batch(projection, said("chat-1", 1, 1, Role.USER, "parcel"));

        assertThat(database.jdbc().getJdbcTemplate().queryForObject(
                "SELECT message_words FROM inbox_chat WHERE chat_id = 'chat-1'", String.class)).isEqualTo("parcel");
    }

    @Test
    void aRebuiltInboxFindsTheSameChats() {
        Event[] history = {started("chat-1", "Ann", "ann@example.com"),
                said("chat-1", 1, 1, Role.USER, "the parcel"), said("chat-1", 2, 2, Role.AGENT, "tracking 4471")};
        database.batch(projection, history);
        List<String> before = staffSearch("4471");

        projection.onReset(new ReadModelReset("inbox"));
        assertThat(staffSearch("4471")).isEmpty();
        database.batch(projection, history);

        assertThat(before).containsExactly("chat-1");
        assertThat(staffSearch("4471")).isEqualTo(before);
        assertThat(staffSearch("parcel")).isEqualTo(before);
    }

    private List<String> staffSearch(String text) {
        return search(text, true);
    }

    private List<String> search(String text, boolean searchMessages) {
        InboxFilter filter = new InboxFilter(Set.of(), null, false, null, null, null, text, null, searchMessages);
        return inbox.search(filter, 1, 20).map(InboxChat::chatId).getContent();
    }

    private static Event started(String chatId, String name, String email) {
        return new Event(chatId, 0, new ChatStartedEvent(chatId, "TKT-2026-000001", "customer-" + chatId, Role.USER,
                name, email, "Help", "general", Priority.MEDIUM, NOW));
    }

    private static Event said(String chatId, long sequenceNumber, long seq, Role role, String content) {
        return new Event(chatId, sequenceNumber, new MessageSentEvent(chatId, "m-" + chatId + "-" + seq, seq,
                role == Role.SYSTEM ? null : "sender-" + role, role, role.name(), content, List.of(), null, NOW));
    }
}
