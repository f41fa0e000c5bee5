package io.parley.server.query;

import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.query.UnreadCountsView;
import io.parley.shared.query.UnreadCountsView.ChatUnread;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unread counts per side as people write and read, and whose chats count for whom. */
abstract class UnreadQueryTests extends QueryScenario {

    @Test
    void unreadCountsMoveAsBothSidesWriteAndRead() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "hello").chatId();

        awaitProjected(chatId, assign(chatId, alice).version());
        // Carla's message and the two notices after it; Carla herself had seen everything.
        assertThat(unreadCounts(alice).chats()).containsExactly(new ChatUnread(chatId, 3));
        assertThat(unreadCounts(carla).total()).isZero();

        awaitProjected(chatId, send(chatId, carla, "are you there?").version());
        assertThat(unreadCounts(alice).total()).isEqualTo(4);

        awaitProjected(chatId, markRead(chatId, alice, null).version());
        assertThat(unreadCounts(alice).total()).isZero();

        awaitProjected(chatId, send(chatId, alice, "yes, hi!").version());
        assertThat(unreadCounts(carla).chats()).containsExactly(new ChatUnread(chatId, 1));
        assertThat(unreadCounts(alice).total()).isZero();

        awaitProjected(chatId, markRead(chatId, carla, null).version());
        assertThat(unreadCounts(carla).total()).isZero();
        assertThat(chat(chatId, carla, 0).unreadCount()).isZero();
    }

    @Test
    void anAgentCountsOnlyTheChatsTheyHoldThatAreNotClosed() {
        Actor alice = agent("Alice");
        Actor bob = agent("Bob");
        String held = start(customer("Ann"), "one").chatId();
        String resolved = start(customer("Ben"), "two").chatId();
        String closed = start(customer("Cy"), "three").chatId();
        String bobs = start(customer("Dee"), "four").chatId();
        awaitProjected(held, assign(held, alice).version());
        assign(resolved, alice);
        awaitProjected(resolved, changeStatus(resolved, alice, ChatStatus.RESOLVED, null).version());
        assign(closed, alice);
        awaitProjected(closed, close(closed, alice, null).version());
        awaitProjected(bobs, assign(bobs, bob).version());

        UnreadCountsView counts = unreadCounts(alice);

        assertThat(counts.chats()).extracting(ChatUnread::chatId).containsExactlyInAnyOrder(held, resolved);
        assertThat(counts.total()).isEqualTo(counts.chats().stream().mapToLong(ChatUnread::unreadCount).sum());
    }

    @Test
    void anAdminCountsEveryActiveChat() {
        String active = start(customer("Ann"), "active").chatId();
        String resolved = start(customer("Ben"), "resolved").chatId();
        Actor alice = agent("Alice");
        awaitProjected(active, 1);
        awaitProjected(resolved, changeStatus(resolved, alice, ChatStatus.RESOLVED, null).version());

        UnreadCountsView counts = unreadCounts(admin("Ada"));

        assertThat(counts.chats()).contains(new ChatUnread(active, 1));
        assertThat(counts.chats()).extracting(ChatUnread::chatId).doesNotContain(resolved);
    }

    @Test
    void aCustomerCountsAllTheirOwnChatsAndAnAuditorNone() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String first = start(carla, "first").chatId();
        long resolvedVersion = changeStatus(first, alice, ChatStatus.RESOLVED, "done").version();
        String second = start(carla, "second").chatId();
        awaitProjected(first, resolvedVersion);
        awaitProjected(second, send(second, alice, "hello Carla").version());

        assertThat(unreadCounts(carla).chats())
                .containsExactlyInAnyOrder(new ChatUnread(first, 0), new ChatUnread(second, 1));
        assertThat(unreadCounts(carla).total()).isEqualTo(1);
        assertThat(unreadCounts(auditor()).chats()).isEmpty();
    }
}
