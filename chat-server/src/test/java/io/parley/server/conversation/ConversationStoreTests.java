package io.parley.server.conversation;

import io.parley.command.autoclose.AutoClosePolicy;
import io.parley.server.ChatServerApplication;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.command.AssignAgentCommand;
import io.parley.shared.command.ChangeStatusCommand;
import io.parley.shared.command.MessageAccepted;
import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.MessageSentEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The conversation core against the real event store, through the command gateway as clients use it. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chat.snapshot-threshold=100")
abstract class ConversationStoreTests {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AutoClosePolicy autoClose;

    static Actor newCustomer() {
        return new Actor(UUID.randomUUID().toString(), Role.USER, "Carla");
    }

    StartChatResult start(Actor customer, String content) {
        return commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), customer, "carla@example.com",
                "Cannot log in", "account", Priority.HIGH, UUID.randomUUID().toString(), content, List.of(), null));
    }

    MessageAccepted send(String chatId, Actor sender, String content, String clientMessageId) {
        return commands.sendAndWait(new SendMessageCommand(chatId, sender, UUID.randomUUID().toString(), content,
                List.of(), clientMessageId));
    }

    List<DomainEventMessage<?>> history(String chatId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(chatId, 0).forEachRemaining(events::add);
        return events;
    }

    List<Long> seqs(String chatId) {
        return history(chatId).stream().filter(e -> e.getPayload() instanceof MessageSentEvent)
                .map(e -> ((MessageSentEvent) e.getPayload()).seq()).toList();
    }

    @Test
    void aStartedChatIsStoredWithTicketNumberFirstMessageAndActor() {
        Actor customer = newCustomer();
        StartChatResult result = start(customer, "Hi, I can't log in");

        assertThat(result.existing()).isFalse();
        List<DomainEventMessage<?>> events = history(result.chatId());
        assertThat(events).hasSize(2);
        ChatStartedEvent started = (ChatStartedEvent) events.get(0).getPayload();
        assertThat(started.ticketNumber()).matches("TKT-\\d{4}-\\d{6}");
        assertThat(started.customerId()).isEqualTo(customer.id());
        MessageSentEvent first = (MessageSentEvent) events.get(1).getPayload();
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.content()).isEqualTo("Hi, I can't log in");
        for (DomainEventMessage<?> event : events) {
            assertThat(event.getMetaData()).containsEntry("actorId", customer.id())
                    .containsEntry("actorRole", "user")
                    .containsKey("correlationId");
        }
    }

    @Test
    void ticketNumbersAreUniqueAndIncreasing() {
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String chatId = start(newCustomer(), "hello " + i).chatId();
            tickets.add(((ChatStartedEvent) history(chatId).get(0).getPayload()).ticketNumber());
        }
        assertThat(tickets).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aCustomerWithAnActiveChatGetsItBack() {
        Actor customer = newCustomer();
        String chatId = start(customer, "first").chatId();

        StartChatResult again = start(customer, "second");

        assertThat(again.existing()).isTrue();
        assertThat(again.chatId()).isEqualTo(chatId);
        assertThat(seqs(chatId)).containsExactly(1L);
    }

    @Test
    void aResolvedChatLetsTheCustomerStartANewOne() {
        Actor customer = newCustomer();
        Actor agent = new Actor(UUID.randomUUID().toString(), Role.AGENT, "Alice");
        String chatId = start(customer, "first").chatId();
        commands.sendAndWait(new ChangeStatusCommand(chatId, agent, ChatStatus.RESOLVED, "done"));

        StartChatResult next = start(customer, "new problem");

        assertThat(next.existing()).isFalse();
        assertThat(next.chatId()).isNotEqualTo(chatId);
    }

    @Test
    void simultaneousStartsByOneCustomerOpenExactlyOneChat() throws Exception {
        Actor customer = newCustomer();
        List<StartChatResult> results = race(8, () -> start(customer, "help"));

        Set<String> chatIds = results.stream().map(StartChatResult::chatId).collect(Collectors.toSet());
        assertThat(chatIds).hasSize(1);
        assertThat(results.stream().filter(r -> !r.existing())).hasSize(1);
        Integer stored = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE payloadType = ? "
                + "AND aggregateIdentifier = ?", Integer.class, ChatStartedEvent.class.getName(), chatIds.iterator().next());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void twoThreadsSendingAThousandEachGetGaplessSeqs() throws Exception {
        Actor customer = newCustomer();
        Actor agent = new Actor(UUID.randomUUID().toString(), Role.AGENT, "Alice");
        String chatId = start(customer, "start").chatId();
        // The agent holds the chat (seq 2 "joined", seq 3 the status notice), so each of its sends is one message.
        commands.sendAndWait(new AssignAgentCommand(chatId, agent, null, null));

        AtomicInteger threadNo = new AtomicInteger();
        List<List<Long>> perThread = race(2, () -> {
            Actor sender = threadNo.getAndIncrement() == 0 ? customer : agent;
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                mine.add(send(chatId, sender, "message " + i, null).seq());
            }
            return mine;
        });

        List<Long> acknowledged = perThread.stream().flatMap(List::stream).sorted().toList();
        assertThat(acknowledged).hasSize(2000).doesNotHaveDuplicates();
        assertThat(seqs(chatId)).containsExactlyElementsOf(LongStream.rangeClosed(1, 2003).boxed().toList());
    }

    @Test
    void aChatWithTenThousandMessagesLoadsFromASnapshotAndFewEvents() {
        Actor customer = newCustomer();
        String chatId = start(customer, "start").chatId();
        for (int i = 0; i < 10_000; i++) {
            send(chatId, customer, "m" + i, "c" + i);
        }

        // What the repository reads to load the aggregate for the next command: snapshot + events after it.
        // Snapshots are taken on a thread of their own after the triggering command answered.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            DomainEventStream stream = eventStore.readEvents(chatId);
            DomainEventMessage<?> first = stream.next();
            int loaded = 1;
            while (stream.hasNext()) {
                stream.next();
                loaded++;
            }
            assertThat(first.getType()).isEqualTo("Conversation");
            assertThat(first.getPayloadType().getSimpleName()).isEqualTo("Conversation");
            assertThat(loaded).isLessThanOrEqualTo(101);
        });
        assertThat(send(chatId, customer, "after", null).seq()).isEqualTo(10_002);
        // A retry of a message from long ago, still inside the idempotency window, finds its original.
        assertThat(send(chatId, customer, "m9500", "c9500").duplicate()).isTrue();
    }

    @Test
    void aResolvedChatIsClosedAutomaticallyOnceItsDeadlinePassed() {
        Actor customer = newCustomer();
        Actor agent = new Actor(UUID.randomUUID().toString(), Role.AGENT, "Alice");
        String chatId = start(customer, "hi").chatId();
        commands.sendAndWait(new ChangeStatusCommand(chatId, agent, ChatStatus.RESOLVED, "fixed"));
        // Time travel: the deadline is in the past, as it is CHAT_AUTO_CLOSE_HOURS later.
        jdbc.update("UPDATE auto_close_due SET due_at = resolved_at WHERE chat_id = ?", chatId);

        autoClose.closeDue();

        ChatClosedEvent closed = history(chatId).stream().map(DomainEventMessage::getPayload)
                .filter(ChatClosedEvent.class::isInstance).map(ChatClosedEvent.class::cast).findFirst().orElseThrow();
        assertThat(closed.closedByRole()).isEqualTo(Role.SYSTEM);
        assertThat(closed.previousStatus()).isEqualTo(ChatStatus.RESOLVED);
    }

    @Test
    void aChatReopenedByTheCustomerIsNotAutoClosed() {
        Actor customer = newCustomer();
        Actor agent = new Actor(UUID.randomUUID().toString(), Role.AGENT, "Alice");
        String chatId = start(customer, "hi").chatId();
        commands.sendAndWait(new ChangeStatusCommand(chatId, agent, ChatStatus.RESOLVED, "fixed"));
        send(chatId, customer, "it broke again", null);

        Integer due = jdbc.queryForObject("SELECT count(*) FROM auto_close_due WHERE chat_id = ?", Integer.class,
                chatId);
        assertThat(due).isZero();
        autoClose.closeDue();
        assertThat(history(chatId)).noneMatch(e -> e.getPayload() instanceof ChatClosedEvent);
    }

    @Test
    void flywayOwnsAxonsTablesWithByteaPayloadsAndAnIdentityIndex() {
        List<String> binaryTypes = jdbc.queryForList("SELECT lower(data_type) FROM information_schema.columns "
                + "WHERE lower(table_name) IN ('domainevententry', 'tokenentry', 'snapshotevententry') "
                + "AND lower(column_name) IN ('payload', 'token', 'metadata')", String.class);
        assertThat(binaryTypes).isNotEmpty().allMatch(t -> t.equals("bytea") || t.equals("binary varying"));
        Integer flywayRuns = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success = true",
                Integer.class);
        assertThat(flywayRuns).isGreaterThanOrEqualTo(2);
    }

    static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
