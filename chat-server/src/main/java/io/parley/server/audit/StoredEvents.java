package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.common.DateTimeUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static io.parley.shared.ActorMetaData.ACTOR_ID;
import static io.parley.shared.ActorMetaData.ACTOR_NAME;
import static io.parley.shared.ActorMetaData.ACTOR_ROLE;
import static io.parley.shared.ActorMetaData.CORRELATION_ID;

/**
 * Chat events as Axon's JDBC engine stores them ({@code DomainEventEntry}, V1) joined with their chain links
 * ({@code audit_chain}, V6), turned into audit events. Only the {@code Conversation} aggregate's events are chat
 * events; the agents' availability is not audited.
 */
final class StoredEvents {
    /** Axon's aggregate type of chats (the class name of {@code io.parley.command.conversation.Conversation}). */
    static final String CHAT_TYPE = "Conversation";
    /** Columns read by {@link #read}. */
    static final String COLUMNS = "e.aggregateIdentifier, e.sequenceNumber, e.globalIndex, e.payloadType, "
            + "e.timeStamp, e.metaData, e.payload, c.prev_hash, c.hash";
    /** Chat events and, where they have one, their chain link. */
    static final String FROM = " FROM DomainEventEntry e LEFT JOIN audit_chain c"
            + " ON c.chat_id = e.aggregateIdentifier AND c.sequence_number = e.sequenceNumber"
            + " WHERE e.type = '" + CHAT_TYPE + "'";

    private StoredEvents() {
    }

    /** The current row as an audit event with its stored link (null hashes when it has none). */
    static AuditEvent read(ResultSet row) throws SQLException {
        Instant at = DateTimeUtils.parseInstant(row.getString("timeStamp"));
        return event(row.getString("aggregateIdentifier"), row.getLong("sequenceNumber"), row.getLong("globalIndex"),
                row.getString("payloadType"), at, metaData(row.getBytes("metaData")), row.getBytes("payload"),
                row.getString("prev_hash"), row.getString("hash"));
    }

    /** An audit event from the stored parts of a chat event. */
    static AuditEvent event(String chatId, long sequence, long globalPosition, String payloadType, Instant timestamp,
                            Map<String, ?> metaData, byte[] payload, String prevHash, String hash) {
        AuditActor actor = new AuditActor(text(metaData, ACTOR_ID), text(metaData, ACTOR_ROLE),
                text(metaData, ACTOR_NAME));
        return new AuditEvent(chatId, sequence, globalPosition, AuditChain.type(payloadType),
                AuditChain.occurredAt(timestamp), actor, text(metaData, CORRELATION_ID), json(payload), prevHash,
                hash);
    }

    private static Map<String, ?> metaData(byte[] stored) {
        if (stored == null || stored.length == 0) return Map.of();
        try {
            return AuditChain.JSON.readValue(stored, Map.class);
        } catch (IOException e) {
            return Map.of(); // damaged in the table: shown without actor, and its hash no longer matches
        }
    }

    private static JsonNode json(byte[] payload) {
        if (payload == null) return NullNode.getInstance();
        try {
            return AuditChain.JSON.readTree(payload);
        } catch (IOException e) {
            // Damaged in the table: shown as the text it now holds, and its hash no longer matches.
            return TextNode.valueOf(new String(payload, StandardCharsets.UTF_8));
        }
    }

    private static String text(Map<String, ?> metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
