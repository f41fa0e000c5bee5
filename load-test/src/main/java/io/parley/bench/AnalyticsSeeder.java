package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends whole synthetic chats at chosen times to the event table (as {@link BulkSeeder} appends messages):
 * each a copy of one real chat's events (ChatStarted, the customer's message, AgentAssigned, the staff reply,
 * the resolve) with a new chat id, ticket, message ids and times. The running server's projections pick them up.
 */
final class AnalyticsSeeder {
    private final Map<String, Template> templates;

    private record Template(String type, String payloadType, String revision, byte[] metaData, ObjectNode payload) {
    }

    private AnalyticsSeeder(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Reads the events of a chat played for real (start, assign, reply, resolve) as templates. */
    static AnalyticsSeeder from(Connection c, String chatId) throws Exception {
        Map<String, Template> templates = new LinkedHashMap<>();
        try (PreparedStatement events = c.prepareStatement("SELECT type, payloadType, payloadRevision, metaData,"
                + " payload FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            events.setString(1, chatId);
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    ObjectNode payload = (ObjectNode) Rest.JSON.readTree(rs.getBytes("payload"));
                    String kind = kind(rs.getString("payloadType"), payload);
                    if (kind != null) templates.putIfAbsent(kind, new Template(rs.getString("type"),
                            rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getBytes("metaData"),
                            payload));
                }
            }
        }
        for (String kind : new String[]{"started", "customer", "assigned", "reply", "resolved"}) {
            if (!templates.containsKey(kind)) throw new IllegalStateException("template chat has no " + kind);
        }
        return new AnalyticsSeeder(templates);
    }

    /** Appends one resolved chat: started at {@code start}, answered after {@code firstResponse} seconds. */
    void append(Connection c, Instant start, double firstResponse, double resolveAfter) throws Exception {
        String chatId = UUID.randomUUID().toString();
        Instant reply = start.plusMillis(Math.round(firstResponse * 1000));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType,"
                + " timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            add(insert, chatId, 0, "started", start, p -> p.put("startedAt", start.toString())
                    .put("ticketNumber", "SEED-" + chatId.substring(0, 8)));
            add(insert, chatId, 1, "customer", start, p -> message(p, 1, start));
            Instant assigned = start.plusMillis(Math.round(firstResponse * 500));
            add(insert, chatId, 2, "assigned", assigned, p -> p.put("assignedAt", assigned.toString()));
            add(insert, chatId, 3, "reply", reply, p -> message(p, 2, reply));
            Instant resolved = reply.plusMillis(Math.round(resolveAfter * 1000));
            add(insert, chatId, 4, "resolved", resolved, p -> p.put("changedAt", resolved.toString()));
            insert.executeBatch();
        }
    }

    private void add(PreparedStatement insert, String chatId, long sequence, String kind, Instant at,
                     java.util.function.Consumer<ObjectNode> change) throws Exception {
        Template template = templates.get(kind);
        ObjectNode payload = template.payload().deepCopy();
        payload.put("chatId", chatId);
        change.accept(payload);
        insert.setString(1, chatId);
        insert.setLong(2, sequence);
        insert.setString(3, template.type());
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, template.metaData());
        insert.setBytes(6, Rest.JSON.writeValueAsBytes(payload));
        insert.setString(7, template.revision());
        insert.setString(8, template.payloadType());
        insert.setString(9, at.toString());
        insert.addBatch();
    }

    private static ObjectNode message(ObjectNode payload, long seq, Instant at) {
        return payload.put("seq", seq).put("messageId", UUID.randomUUID().toString()).put("sentAt", at.toString())
                .putNull("clientMessageId");
    }

    private static String kind(String payloadType, ObjectNode payload) {
        if (payloadType.endsWith("ChatStartedEvent")) return "started";
        if (payloadType.endsWith("AgentAssignedEvent")) return "assigned";
        if (payloadType.endsWith("ChatStatusChangedEvent")
                && payload.path("status").asText().equalsIgnoreCase("resolved")) return "resolved";
        if (payloadType.endsWith("MessageSentEvent")) {
            String role = payload.path("senderRole").asText().toLowerCase(java.util.Locale.ROOT);
            if (role.equals("user") || role.equals("guest")) return "customer";
            if (role.equals("agent") || role.equals("admin")) return "reply";
        }
        return null;
    }
}
