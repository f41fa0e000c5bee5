package io.parley.server.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the chain links of the chat events of one append, on the append's connection and transaction: one query
 * for their global positions, at most one read of a previous hash per chat (none while {@link ChainHeads} knows
 * it), and one batch of inserts. The payload is the serialized form the engine has just stored (the message
 * caches it), so nothing is serialized twice.
 */
final class ChainWriter {
    static final String INSERT = "INSERT INTO audit_chain (chat_id, sequence_number, global_position, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?)";
    private final ChainHeads heads;

    ChainWriter(ChainHeads heads) {
        this.heads = heads;
    }

    void link(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        Map<String, List<DomainEventMessage<?>>> byChat = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && StoredEvents.CHAT_TYPE.equals(domain.getType())) {
                byChat.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>()).add(domain);
            }
        }
        if (byChat.isEmpty()) return;
        Map<String, Long> positions = globalPositions(connection, byChat);
        List<AuditEvent> links = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<String, List<DomainEventMessage<?>>> chat : byChat.entrySet()) {
                long first = chat.getValue().get(0).getSequenceNumber();
                String prevHash = previousHash(connection, chat.getKey(), first);
                if (prevHash == null) {
                    // Earlier events of this chat were stored around the engine: link them all, these included.
                    ChainBackfill.chat(connection, chat.getKey());
                    continue;
                }
                for (DomainEventMessage<?> event : chat.getValue()) {
                    SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                    AuditEvent linked = AuditChain.link(StoredEvents.event(chat.getKey(), event.getSequenceNumber(),
                            positions.get(event.getIdentifier()), payload.getType().getName(), event.getTimestamp(),
                            event.getMetaData(), payload.getData(), prevHash, null));
                    add(insert, linked);
                    links.add(linked);
                    prevHash = linked.hash();
                }
            }
            insert.executeBatch();
        }
        remember(links);
    }

    static void add(PreparedStatement insert, AuditEvent linked) throws SQLException {
        insert.setString(1, linked.chatId());
        insert.setLong(2, linked.sequence());
        insert.setLong(3, linked.globalPosition());
        insert.setString(4, linked.prevHash());
        insert.setString(5, linked.hash());
        insert.addBatch();
    }

    private String previousHash(Connection connection, String chatId, long first) throws SQLException {
        if (first == 0) return AuditChain.GENESIS;
        String known = heads.hashAt(chatId, first - 1);
        if (known != null) return known;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hash FROM audit_chain WHERE chat_id = ? AND sequence_number = ?")) {
            select.setString(1, chatId);
            select.setLong(2, first - 1);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static Map<String, Long> globalPositions(Connection connection,
                                                    Map<String, List<DomainEventMessage<?>>> byChat)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        byChat.values().forEach(chat -> chat.forEach(event -> ids.add(event.getIdentifier())));
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Map<String, Long> positions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT eventIdentifier, globalIndex FROM DomainEventEntry WHERE eventIdentifier IN (" + in + ")")) {
            for (int i = 0; i < ids.size(); i++) select.setString(i + 1, ids.get(i));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) positions.put(rows.getString(1), rows.getLong(2));
            }
        }
        return positions;
    }

    /** Cached only after the commit: a link that is rolled back must never become a chat's head. */
    private void remember(List<AuditEvent> links) {
        if (links.isEmpty() || !CurrentUnitOfWork.isStarted()) return;
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> links.forEach(
                link -> heads.committed(link.chatId(), link.sequence(), link.hash())));
    }
}
