package io.parley.server.query;

import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff inbox and a customer's own list: what is in them, in which order, page by page. */
abstract class InboxQueryTests extends QueryScenario {

    @Test
    void theInboxListsChatsWithTheNewestActivityFirst() throws InterruptedException {
        String category = unique("billing");
        Actor ann = customer("Ann");
        StartChatResult first = start(ann, "A", category, Priority.MEDIUM, "first chat");
        StartChatResult second = start(customer("Ben"), "B", category, Priority.MEDIUM, "second chat");
        StartChatResult third = start(customer("Cy"), "C", category, Priority.MEDIUM, "third chat");
        // Activity times have millisecond precision; make sure Ann's new message is later than the starts.
        Thread.sleep(5);
        long latest = send(first.chatId(), ann, "anyone there?").version();
        awaitProjected(second.chatId(), second.version());
        awaitProjected(third.chatId(), third.version());
        awaitProjected(first.chatId(), latest);

        ChatPage inbox = inboxOfCategory(agent("Alice"), category);

        assertThat(ids(inbox)).hasSize(3).first().isEqualTo(first.chatId());
        assertThat(inbox.items()).isSortedAccordingTo(Comparator.comparing(ChatView::updatedAt).reversed());
        assertThat(inbox.items().get(0).lastMessage().content()).isEqualTo("anyone there?");
        assertThat(inbox.total()).isEqualTo(3);
    }

    @Test
    void theInboxFiltersByStatusAssigneeAndPriority() {
        String category = unique("filters");
        Actor alice = agent("Alice");
        Actor bob = agent("Bob");
        String open = startIn(category, Priority.LOW);
        String alices = startIn(category, Priority.HIGH);
        String bobs = startIn(category, Priority.URGENT);
        String resolved = startIn(category, Priority.HIGH);
        awaitProjected(open, 1);
        awaitProjected(alices, assign(alices, alice).version());
        awaitProjected(bobs, assign(bobs, bob).version());
        assign(resolved, alice);
        awaitProjected(resolved, changeStatus(resolved, alice, ChatStatus.RESOLVED, "done").version());

        assertThat(filtered(alice, List.of("active"), null, null, category))
                .containsExactlyInAnyOrder(open, alices, bobs);
        assertThat(filtered(alice, List.of("resolved"), null, null, category)).containsExactly(resolved);
        assertThat(filtered(alice, List.of("open,in_progress"), null, null, category))
                .containsExactlyInAnyOrder(open, alices, bobs);
        assertThat(filtered(alice, List.of(), "me", null, category)).containsExactlyInAnyOrder(alices, resolved);
        assertThat(filtered(alice, List.of(), "none", null, category)).containsExactly(open);
        assertThat(filtered(alice, List.of(), bob.id(), null, category)).containsExactly(bobs);
        assertThat(filtered(alice, List.of(), null, "high", category)).containsExactlyInAnyOrder(alices, resolved);
        assertThat(filtered(alice, List.of("active"), "me", "high", category)).containsExactly(alices);
    }

    @Test
    void theSearchMatchesTicketSubjectAndCustomerIgnoringCase() {
        String category = unique("search");
        String token = unique("zq").replace("-", "");
        Actor customer = customer("Zed" + token);
        StartChatResult bySubject = start(customer("Amy"), "Refund for order " + token, category, Priority.MEDIUM,
                "hi");
        StartChatResult byCustomer = start(customer, "Printer", category, Priority.MEDIUM, "hi");
        StartChatResult other = start(customer("Otto"), "Something else", category, Priority.MEDIUM, "hi");
        Actor alice = agent("Alice");
        String ticket = chat(other.chatId(), alice, other.version()).ticketNumber();
        awaitProjected(bySubject.chatId(), bySubject.version());
        awaitProjected(byCustomer.chatId(), byCustomer.version());

        assertThat(searched(alice, token.toUpperCase(), category))
                .containsExactlyInAnyOrder(bySubject.chatId(), byCustomer.chatId());
        assertThat(searched(alice, "zed" + token + "@EXAMPLE", category)).containsExactly(byCustomer.chatId());
        assertThat(searched(alice, "ZED" + token, category)).containsExactly(byCustomer.chatId());
        assertThat(searched(alice, ticket, category)).containsExactly(other.chatId());
        assertThat(searched(alice, "%", category)).isEmpty();
    }

    @Test
    void theInboxComesInPages() {
        String category = unique("paging");
        List<String> chats = List.of(startIn(category, Priority.LOW), startIn(category, Priority.LOW),
                startIn(category, Priority.LOW));
        chats.forEach(chatId -> awaitProjected(chatId, 1));
        Actor alice = agent("Alice");

        ChatPage first = inbox(alice, List.of(), null, null, category, null, 1, 2);
        ChatPage second = inbox(alice, List.of(), null, null, category, null, 2, 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(first.total()).isEqualTo(3);
        assertThat(second.total()).isEqualTo(3);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        assertThat(ids(first)).hasSameSizeAs(ids(first).stream().distinct().toList());
        assertThat(List.of(ids(first).get(0), ids(first).get(1), ids(second).get(0)))
                .containsExactlyInAnyOrderElementsOf(chats);
    }

    @Test
    void onlyAgentsAndAdminsMayReadTheInbox() {
        assertRejected(() -> inbox(customer("Carla"), List.of(), null, null, null, null, 1, 20), ErrorCode.FORBIDDEN);
        assertRejected(() -> inbox(guest("Gus"), List.of(), null, null, null, null, 1, 20), ErrorCode.FORBIDDEN);
        assertRejected(() -> inbox(auditor(), List.of(), null, null, null, null, 1, 20), ErrorCode.FORBIDDEN);
        assertThat(inbox(admin("Ada"), List.of(), null, null, null, null, 1, 20).page()).isEqualTo(1);
    }

    @Test
    void unknownFilterValuesAndBadPagingAreValidationErrors() {
        Actor alice = agent("Alice");
        assertRejected(() -> inbox(alice, List.of("archived"), null, null, null, null, 1, 20),
                ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> inbox(alice, List.of(), null, "asap", null, null, 1, 20), ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> inbox(alice, List.of(), null, null, null, null, 0, 20), ErrorCode.VALIDATION_FAILED);
        assertRejected(() -> inbox(alice, List.of(), null, null, null, null, 1, 101), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void aCustomerListsOnlyTheirOwnChatsNewestFirst() throws InterruptedException {
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        StartChatResult older = start(carla, "old problem");
        long resolvedVersion = changeStatus(older.chatId(), alice, ChatStatus.RESOLVED, "fixed").version();
        Thread.sleep(5);
        StartChatResult newer = start(carla, "new problem");
        StartChatResult someoneElses = start(customer("Dan"), "not yours");
        awaitProjected(older.chatId(), resolvedVersion);
        awaitProjected(newer.chatId(), newer.version());
        awaitProjected(someoneElses.chatId(), someoneElses.version());

        ChatPage mine = myChats(carla, 1, 20);

        assertThat(ids(mine)).containsExactly(newer.chatId(), older.chatId());
        assertThat(mine.total()).isEqualTo(2);
        assertThat(mine.items().get(1).status()).isEqualTo("resolved");
        assertRejected(() -> myChats(alice, 1, 20), ErrorCode.FORBIDDEN);
    }

    private String startIn(String category, Priority priority) {
        return start(customer("Cat"), "Subject", category, priority, "hello").chatId();
    }

    private List<String> filtered(Actor viewer, List<String> statuses, String assignee, String priority,
                                  String category) {
        return ids(inbox(viewer, statuses, assignee, priority, category, null, 1, 100));
    }

    private List<String> searched(Actor viewer, String q, String category) {
        return ids(inbox(viewer, List.of(), null, null, category, q, 1, 100));
    }
}
