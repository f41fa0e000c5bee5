package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.audit.People.Person;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.event.MessagesReadEvent;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Chain links are written with the events, in their transaction, and old events get theirs by the backfill. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AuditChainStoreTests {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine engine;
    @Autowired
    TransactionManager transactions;
    Api api;
    People people;

    @BeforeEach
    void connect() {
        api = new Api(port);
        people = new People(api);
    }

    private int links(String chatId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_chain WHERE chat_id = ?", Integer.class, chatId);
    }

    private static GenericDomainEventMessage<MessagesReadEvent> event(String chatId, long sequence) {
        return new GenericDomainEventMessage<>(StoredEvents.CHAT_TYPE, chatId, sequence,
                new MessagesReadEvent(chatId, Side.CUSTOMER, "reader-1", Role.USER, sequence, Instant.now()));
    }

    @Test
    void aRolledBackAppendLeavesNeitherEventsNorLinks() {
        String chatId = "rollback-" + UUID.randomUUID();
        Transaction transaction = transactions.startTransaction();
        try {
            engine.appendEvents(event(chatId, 0), event(chatId, 1));
            // Written on the transaction's own connection: visible inside it …
            assertThat(links(chatId)).isEqualTo(2);
        } finally {
            transaction.rollback();
        }
        // … and gone with it.
        assertThat(links(chatId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, chatId)).isZero();
    }

    @Test
    void appendsInSeveralTransactionsFormOneValidChain() {
        String chatId = "appended-" + UUID.randomUUID();
        transactions.executeInTransaction(() -> engine.appendEvents(event(chatId, 0), event(chatId, 1)));
        transactions.executeInTransaction(() -> engine.appendEvents(event(chatId, 2)));
        transactions.executeInTransaction(() -> engine.appendEvents(event(chatId, 3), event(chatId, 4)));
        Response check = api.get("/api/audit/chats/" + chatId + "/verify", people.admin);
        assertThat(check.data().path("events").asLong()).isEqualTo(5);
        assertThat(check.data().path("valid").asBoolean()).as(check.body().toString()).isTrue();
        JsonNode events = api.get("/api/audit/chats/" + chatId + "/events", people.admin).data();
        assertThat(events.get(0).path("type").asText()).isEqualTo("MessagesRead");
        assertThat(events.get(3).path("prevHash").asText()).isEqualTo(events.get(2).path("hash").asText());
    }

    @Test
    void eventsStoredWithoutLinksAreLinkedByTheBackfillExactlyAsAtStoreTime() {
        Person customer = people.customer("Carla");
        String chatId = people.chat(customer, "I cannot log in");
        api.post("/api/chats/" + chatId + "/messages", customer.token(), Map.of("content", "Anyone?"));
        List<String> hashes = hashes(chatId);
        // As on a database from before the chain: the events are there, their links are not.
        jdbc.update("DELETE FROM audit_chain WHERE chat_id = ?", chatId);
        Response unlinked = api.get("/api/audit/chats/" + chatId + "/verify", people.admin);
        assertThat(unlinked.data().path("valid").asBoolean()).isFalse();
        assertThat(unlinked.data().path("firstInvalidSequence").asLong()).isZero();

        long linked = jdbc.execute((ConnectionCallback<Long>) ChainBackfill::all);
        assertThat(linked).isGreaterThanOrEqualTo(hashes.size());
        assertThat(hashes(chatId)).isEqualTo(hashes);
        assertThat(api.get("/api/audit/chats/" + chatId + "/verify", people.admin).data().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void appendingToAChatWhoseEarlierEventsAreUnlinkedLinksThemAll() {
        // As the bench's bulk seeder does: events stored around the engine, without links.
        String chatId = "bulk-" + UUID.randomUUID();
        transactions.executeInTransaction(() -> engine.appendEvents(event(chatId, 0), event(chatId, 1)));
        List<String> hashes = hashes(chatId);
        jdbc.update("DELETE FROM audit_chain WHERE chat_id = ?", chatId);

        transactions.executeInTransaction(() -> engine.appendEvents(event(chatId, 2)));
        List<String> after = hashes(chatId);
        assertThat(after).hasSize(3).doesNotContainNull();
        assertThat(after.subList(0, 2)).isEqualTo(hashes);
        assertThat(api.get("/api/audit/chats/" + chatId + "/verify", people.admin).data().path("valid").asBoolean())
                .isTrue();
    }

    private List<String> hashes(String chatId) {
        List<String> hashes = new ArrayList<>();
        api.get("/api/audit/chats/" + chatId + "/events", people.admin).data()
                .forEach(e -> hashes.add(e.path("hash").isNull() ? null : e.path("hash").asText()));
        return hashes;
    }
}
