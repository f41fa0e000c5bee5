package io.parley.query.unread;

import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesReadEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UnreadProjectionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:30:00.000Z");

    private final UnreadChatRepository repository = mock(UnreadChatRepository.class);
    private final UnreadProjection projection = new UnreadProjection(repository);
    private UnreadChatEntity chat;

    @BeforeEach
    void startChat() {
        projection.on(new ChatStartedEvent("chat-1", "TKT-2026-000001", "customer-1", Role.USER, "Ann",
                "ann@example.com", "Help", "general", Priority.MEDIUM, NOW), 0);
        ArgumentCaptor<UnreadChatEntity> saved = ArgumentCaptor.forClass(UnreadChatEntity.class);
        verify(repository).save(saved.capture());
        chat = saved.getValue();
        when(repository.findById("chat-1")).thenReturn(Optional.of(chat));
    }

    @Test
    void aRedeliveredMessageIsNotCountedTwice() {
        projection.on(message(1, "customer-1", Role.USER), 1);
        projection.on(message(2, "agent-1", Role.AGENT), 2);
        projection.on(message(2, "agent-1", Role.AGENT), 2);

        assertThat(chat.toValue().unread(Side.CUSTOMER)).isEqualTo(1);
        assertThat(chat.version).isEqualTo(2);
    }

    @Test
    void aReadEventMovesTheReadersPointerAndTheVersion() {
        projection.on(message(1, "customer-1", Role.USER), 1);
        projection.on(message(2, "customer-1", Role.USER), 2);
        projection.on(new MessagesReadEvent("chat-1", Side.STAFF, "agent-1", Role.AGENT, 2, NOW), 3);

        assertThat(chat.toValue().unread(Side.STAFF)).isZero();
        assertThat(chat.version).isEqualTo(3);
    }

    @Test
    void anEventOfAnUnknownChatChangesNothing() {
        when(repository.findById(any())).thenReturn(Optional.empty());

        projection.on(message(1, "customer-1", Role.USER), 1);

        assertThat(chat.lastSeq).isZero();
    }

    private static MessageSentEvent message(long seq, String senderId, Role role) {
        return new MessageSentEvent("chat-1", "m-" + seq, seq, senderId, role, senderId, "hello", List.of(), null,
                NOW);
    }
}
