package io.parley.query.history;

import io.parley.shared.Role;
import io.parley.shared.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryMessageEntityTest {
    private static final Instant FIRST = Instant.parse("2026-11-21T10:30:00.000Z");
    private static final Instant LATER = FIRST.plusSeconds(60);

    @Test
    void aCustomerMessageIsReadWhenStaffReadUpToIt() {
        HistoryMessageEntity message = new HistoryMessageEntity("chat-1", 3, Role.GUEST);

        assertThat(message.readBy(Side.STAFF, 3, FIRST)).isTrue();
        assertThat(message.readAt).isEqualTo(FIRST);
    }

    @Test
    void aSideReadingItsOwnMessagesDoesNotMarkThemRead() {
        HistoryMessageEntity message = new HistoryMessageEntity("chat-1", 3, Role.ADMIN);

        assertThat(message.readBy(Side.STAFF, 3, FIRST)).isFalse();
        assertThat(message.readAt).isNull();
    }

    @Test
    void aMessageAfterTheReadPointerStaysUnread() {
        HistoryMessageEntity message = new HistoryMessageEntity("chat-1", 4, Role.AGENT);

        assertThat(message.readBy(Side.CUSTOMER, 3, FIRST)).isFalse();
        assertThat(message.readAt).isNull();
    }

    @Test
    void readAtKeepsTheFirstTimeTheMessageWasRead() {
        HistoryMessageEntity message = new HistoryMessageEntity("chat-1", 2, Role.AGENT);
        message.readBy(Side.CUSTOMER, 2, FIRST);

        assertThat(message.readBy(Side.CUSTOMER, 5, LATER)).isFalse();
        assertThat(message.readAt).isEqualTo(FIRST);
    }

    @Test
    void systemNoticesAreNeverRead() {
        HistoryMessageEntity message = new HistoryMessageEntity("chat-1", 2, Role.SYSTEM);

        assertThat(message.readBy(Side.CUSTOMER, 2, FIRST)).isFalse();
        assertThat(message.readBy(Side.STAFF, 2, FIRST)).isFalse();
        assertThat(message.readAt).isNull();
    }
}
