package io.parley.server.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored chat event as auditors see it (contract, "Audit and analytics"). {@code payload} is the event's JSON
 * as stored; {@code prevHash} and {@code hash} are the chat's chain link, null for an event that has none.
 */
public record AuditEvent(String chatId, long sequence, long globalPosition, String type, String occurredAt,
                         AuditActor actor, String correlationId, JsonNode payload, String prevHash, String hash) {

    AuditEvent withHash(String linkHash) {
        return new AuditEvent(chatId, sequence, globalPosition, type, occurredAt, actor, correlationId, payload,
                prevHash, linkHash);
    }
}
