package io.parley.server.query;

import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.command.ChatChanged;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One chat as customers, staff and auditors see it, right after their own writes. */
abstract class ChatQueryTests extends QueryScenario {

    @Test
    void aCustomerSeesTheirNewChatRightAfterStartingIt() {
        Actor carla = customer("Carla");
        StartChatResult started = start(carla, "Cannot log in", "account", Priority.HIGH, "Hi, I can't log in");

        ChatView chat = chat(started.chatId(), carla, started.version());

        assertThat(chat.ticketNumber()).matches("TKT-\\d{4}-\\d{6}");
        assertThat(chat.subject()).isEqualTo("Cannot log in");
        assertThat(chat.category()).isEqualTo("account");
        assertThat(chat.priority()).isEqualTo("high");
        assertThat(chat.status()).isEqualTo("open");
        assertThat(chat.customer().id()).isEqualTo(carla.id());
        assertThat(chat.customer().name()).isEqualTo("Carla");
        assertThat(chat.customer().email()).isEqualTo("carla@example.com");
        assertThat(chat.customer().type()).isEqualTo("user");
        assertThat(chat.assignedAgent()).isNull();
        assertThat(chat.lastMessage().content()).isEqualTo("Hi, I can't log in");
        assertThat(chat.lastMessage().seq()).isEqualTo(1);
        assertThat(chat.lastMessage().senderType()).isEqualTo("user");
        assertThat(chat.unreadCount()).isZero();
        assertThat(chat.updatedAt()).isEqualTo(chat.createdAt());
    }

    @Test
    void aGuestChatShowsTheCustomerAsGuest() {
        Actor visitor = guest("Gus");
        StartChatResult started = start(visitor, "hello?");

        assertThat(chat(started.chatId(), visitor, started.version()).customer().type()).isEqualTo("guest");
    }

    @Test
    void anotherCustomerCannotTellTheChatExists() {
        StartChatResult started = start(customer("Carla"), "private matter");
        awaitProjected(started.chatId(), started.version());

        assertRejected(() -> chat(started.chatId(), customer("Mallory"), 0), ErrorCode.NOT_FOUND);
        assertRejected(() -> chat(started.chatId(), guest("Eve"), 0), ErrorCode.NOT_FOUND);
        assertRejected(() -> chat(UUID.randomUUID().toString(), customer("Carla"), 0), ErrorCode.NOT_FOUND);
    }

    @Test
    void anUnknownChatIsNotFoundForStaffToo() {
        assertRejected(() -> chat(UUID.randomUUID().toString(), agent("Alice"), 0), ErrorCode.NOT_FOUND);
    }

    @Test
    void afterAnAgentJoinsTheCustomerSeesTheAgentAndTheNoticeAtOnce() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "help").chatId();

        ChatChanged assigned = assign(chatId, alice);
        ChatView seenByCarla = chat(chatId, carla, assigned.version());

        assertThat(seenByCarla.assignedAgent().id()).isEqualTo(alice.id());
        assertThat(seenByCarla.assignedAgent().name()).isEqualTo("Alice");
        assertThat(seenByCarla.status()).isEqualTo("in_progress");
        assertThat(seenByCarla.lastMessage().senderType()).isEqualTo("system");
        // Carla had seen everything, so notices after her own message are not unread for her.
        assertThat(seenByCarla.unreadCount()).isZero();
        // Staff have not read Carla's message yet: it and the two notices after it are unread for them.
        assertThat(chat(chatId, alice, 0).unreadCount()).isEqualTo(3);
        assertThat(seenByCarla.updatedAt()).isAfterOrEqualTo(seenByCarla.createdAt());
    }

    @Test
    void resolvingAndClosingShowWhenAndWhy() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "refund please").chatId();
        assign(chatId, alice);

        ChatChanged resolved = changeStatus(chatId, alice, ChatStatus.RESOLVED, "Refund issued");
        ChatView afterResolve = chat(chatId, carla, resolved.version());
        assertThat(afterResolve.status()).isEqualTo("resolved");
        assertThat(afterResolve.resolvedAt()).isNotNull();
        assertThat(afterResolve.resolutionSummary()).isEqualTo("Refund issued");
        assertThat(afterResolve.closedAt()).isNull();

        ChatChanged closed = close(chatId, alice, null);
        ChatView afterClose = chat(chatId, carla, closed.version());
        assertThat(afterClose.status()).isEqualTo("closed");
        assertThat(afterClose.closedAt()).isAfterOrEqualTo(afterResolve.resolvedAt());
        assertThat(afterClose.resolutionSummary()).isEqualTo("Refund issued");
        assertThat(afterClose.lastMessage().content()).isEqualTo("The chat was closed");
    }

    @Test
    void aCustomerWritingAgainReopensTheChatAndClearsTheResolution() {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "printer").chatId();
        assign(chatId, alice);
        changeStatus(chatId, alice, ChatStatus.RESOLVED, "Rebooted");

        long version = send(chatId, carla, "it is broken again").version();
        ChatView chat = chat(chatId, alice, version);

        assertThat(chat.status()).isEqualTo("in_progress");
        assertThat(chat.resolvedAt()).isNull();
        assertThat(chat.resolutionSummary()).isNull();
        assertThat(chat.lastMessage().content()).isEqualTo("it is broken again");
    }

    @Test
    void anAuditorReadsAChatWithoutAnUnreadCount() {
        Actor carla = customer("Carla");
        StartChatResult started = start(carla, "audit me");
        send(started.chatId(), carla, "second");

        ChatView chat = chat(started.chatId(), auditor(), started.version());

        assertThat(chat.id()).isEqualTo(started.chatId());
        assertThat(chat.unreadCount()).isZero();
        assertRejected(() -> inbox(auditor(), List.of(), null, null, null, null, 1, 20), ErrorCode.FORBIDDEN);
    }
}
