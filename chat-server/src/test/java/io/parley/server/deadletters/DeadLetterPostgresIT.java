package io.parley.server.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.PostgresDatabase;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresDatabase
class DeadLetterPostgresIT extends DeadLetterTests {
    @Autowired
    EventStore eventStore;

    /**
     * An event stored before the edge refused NUL (PostgreSQL text cannot hold it) used to stall its segment
     * forever; now it is parked and a chat started after it, in the same segment, reaches every read model.
     */
    @Test
    void anOldEventWithANulIsParkedAndLaterChatsReachHistoryAndInbox() {
        String poisoned = UUID.randomUUID().toString();
        String guest = UUID.randomUUID().toString();
        Instant now = Instant.now();
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>("Conversation", poisoned, 0, new ChatStartedEvent(poisoned,
                        "TKT-2026-999999", guest, Role.GUEST, "mallory\u0000", null, "hi\u0000", "general",
                        Priority.MEDIUM, now)),
                new GenericDomainEventMessage<>("Conversation", poisoned, 1, new MessageSentEvent(poisoned,
                        UUID.randomUUID().toString(), 1, guest, Role.GUEST, "mallory\u0000", "hi\u0000", List.of(),
                        null, now))));

        String later = chatInTheSegmentOf(poisoned);
        JsonNode chat = api.get("/api/chats/" + later, admin).data();
        assertThat(chat.path("lastMessage").path("content").asText()).startsWith("later");
        assertThat(api.get("/api/chats/" + later + "/messages", admin).data()).hasSize(1);

        List<JsonNode> parked = eventually(() -> letters(poisoned, READ_MODELS, 2), "the read models park the chat");
        assertThat(parked.get(0).path("eventType").asText()).isEqualTo("ChatStartedEvent");
        assertThat(parked.get(0).path("cause").asText()).contains("0x00");
        assertThat(parked.get(1).path("eventType").asText()).isEqualTo("MessageSentEvent");
        assertThat(parked.get(1).path("globalPosition").asLong())
                .isEqualTo(parked.get(0).path("globalPosition").asLong() + 1);
        assertHealthUpWithDeadLetters(READ_MODELS, 2);

        // Still poisoned: a retry leaves the letters where they are and says so.
        JsonNode retry = api.post("/api/admin/dead-letters/" + READ_MODELS + "/retry", admin, Map.of()).data();
        assertThat(retry.path("remaining").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(letters(poisoned, READ_MODELS, 2)).isNotNull();
    }
}
