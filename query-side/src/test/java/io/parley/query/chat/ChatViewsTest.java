package io.parley.query.chat;

import io.parley.query.inbox.InboxChat;
import io.parley.query.unread.ChatPointers;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.query.ChatView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatViewsTest {
    private static final Instant AT = Instant.parse("2026-11-21T10:30:00.000Z");
    private static final InboxChat CHAT = new InboxChat("chat-1", "TKT-2026-000001", "Help", "billing",
            Priority.HIGH, ChatStatus.IN_PROGRESS, "c-1", "guest", "Ann", "ann@example.com", "a-1", "Alex",
            AT, AT, null, null, null, List.of("vip"), null, 5, 9, null);
    // Customer has seen up to 3 of 5, staff up to 5.
    private static final ChatPointers POINTERS = new ChatPointers("chat-1", "c-1", "a-1", ChatStatus.IN_PROGRESS,
            5, 3, 5, 9);

    @Test
    void unreadCountIsForTheViewersSide() {
        assertThat(ChatViews.of(CHAT, null, POINTERS, new Actor("c-1", Role.GUEST, "Ann")).unreadCount())
                .isEqualTo(2);
        assertThat(ChatViews.of(CHAT, null, POINTERS, new Actor("a-1", Role.AGENT, "Alex")).unreadCount())
                .isZero();
        assertThat(ChatViews.of(CHAT, null, POINTERS, new Actor("u-1", Role.AUDITOR, "Aud")).unreadCount())
                .isZero();
    }

    @Test
    void enumsAppearInTheirWireForm() {
        ChatView view = ChatViews.of(CHAT, null, POINTERS, new Actor("a-1", Role.AGENT, "Alex"));

        assertThat(view.status()).isEqualTo("in_progress");
        assertThat(view.priority()).isEqualTo("high");
        assertThat(view.customer().type()).isEqualTo("guest");
        assertThat(view.assignedAgent().name()).isEqualTo("Alex");
    }
}
