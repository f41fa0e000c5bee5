package io.parley.server.audit;

/** Who caused an audit event, from the event's metadata; every field is null for an event stored without one. */
public record AuditActor(String id, String role, String name) {
}
