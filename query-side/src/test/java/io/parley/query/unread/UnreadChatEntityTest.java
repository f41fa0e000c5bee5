package io.parley.query.unread;

import io.parley.shared.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadChatEntityTest {

    private final UnreadChatEntity chat = new UnreadChatEntity("chat-1", "customer-1", 0);

    @Test
    void aSidesOwnMessageIsSeenBySenderAndUnreadForTheOtherSide() {
        chat.messageAdded(1, Side.CUSTOMER);

        assertThat(chat.toValue().unread(Side.CUSTOMER)).isZero();
        assertThat(chat.toValue().unread(Side.STAFF)).isEqualTo(1);
    }

    @Test
    void aSystemNoticeCountsAsSeenByASideThatHadSeenEverythingBefore() {
        chat.messageAdded(1, Side.CUSTOMER);
        chat.messageAdded(2, null);

        assertThat(chat.pointer(Side.CUSTOMER)).isEqualTo(2);
        assertThat(chat.toValue().unread(Side.CUSTOMER)).isZero();
    }

    @Test
    void aSystemNoticeAddsToTheUnreadOfASideThatWasBehind() {
        chat.messageAdded(1, Side.CUSTOMER);
        chat.messageAdded(2, null);

        assertThat(chat.pointer(Side.STAFF)).isZero();
        assertThat(chat.toValue().unread(Side.STAFF)).isEqualTo(2);
    }

    @Test
    void readingNeverGoesBackwards() {
        chat.messageAdded(1, Side.CUSTOMER);
        chat.messageAdded(2, Side.CUSTOMER);
        chat.read(Side.STAFF, 2);
        chat.read(Side.STAFF, 1);

        assertThat(chat.pointer(Side.STAFF)).isEqualTo(2);
        assertThat(chat.toValue().unread(Side.STAFF)).isZero();
    }

    @Test
    void readingPartOfTheChatLeavesTheRestUnread() {
        chat.messageAdded(1, Side.STAFF);
        chat.messageAdded(2, Side.STAFF);
        chat.messageAdded(3, Side.STAFF);
        chat.read(Side.CUSTOMER, 1);

        assertThat(chat.toValue().unread(Side.CUSTOMER)).isEqualTo(2);
    }

    @Test
    void onlyEventsAfterTheAppliedVersionAreNew() {
        assertThat(chat.isNew(0)).isFalse();
        assertThat(chat.isNew(1)).isTrue();
    }
}
