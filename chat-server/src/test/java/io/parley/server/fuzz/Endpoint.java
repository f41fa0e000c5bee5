package io.parley.server.fuzz;

import java.util.List;
import java.util.function.Function;

/**
 * A REST endpoint of the contract as the fuzz suite calls it, and who calls it. {@code {chat}} is the fixture's
 * open chat, {@code {closable}} its other one, {@code {id}} an id the fuzzer makes up.
 */
record Endpoint(String method, String path, Function<Fixture, String> caller) {

    static final List<Endpoint> WRITES = List.of(
            new Endpoint("POST", "/api/auth/register", f -> null),
            new Endpoint("POST", "/api/auth/login", f -> null),
            // Aimed at the customer, whose current password no fuzzed body knows: refused, nothing changes.
            new Endpoint("POST", "/api/auth/password", f -> f.customer),
            new Endpoint("POST", "/api/admin/users", f -> f.admin),
            new Endpoint("POST", "/api/chats", f -> f.customer),
            new Endpoint("POST", "/api/chats/guest", f -> null),
            new Endpoint("POST", "/api/chats/{chat}/messages", f -> f.customer),
            new Endpoint("POST", "/api/chats/{chat}/messages", f -> f.agent),
            new Endpoint("POST", "/api/chats/{chat}/read", f -> f.customer),
            new Endpoint("POST", "/api/chats/{chat}/assign", f -> f.agent),
            new Endpoint("POST", "/api/chats/{closable}/assign", f -> f.admin),
            new Endpoint("POST", "/api/chats/{closable}/status", f -> f.admin),
            new Endpoint("POST", "/api/chats/{closable}/close", f -> f.admin),
            new Endpoint("POST", "/api/chats/{chat}/notes", f -> f.agent),
            new Endpoint("POST", "/api/chats/{chat}/notes", f -> f.customer),
            new Endpoint("PATCH", "/api/chats/{chat}", f -> f.agent),
            new Endpoint("POST", "/api/chats/{chat}/rating", f -> f.customer),
            new Endpoint("POST", "/api/canned-responses", f -> f.admin),
            new Endpoint("PUT", "/api/canned-responses/no-such-canned-response", f -> f.admin),
            new Endpoint("POST", "/api/admin/projections/no-such-model/replay", f -> f.admin),
            new Endpoint("POST", "/api/admin/dead-letters/no-such-group/retry", f -> f.admin),
            new Endpoint("POST", "/api/media", f -> f.customer));

    static final List<Endpoint> READS = List.of(
            new Endpoint("GET", "/api/auth/me", f -> f.customer),
            new Endpoint("GET", "/api/admin/users", f -> f.admin),
            new Endpoint("GET", "/api/chats/mine", f -> f.customer),
            new Endpoint("GET", "/api/chats", f -> f.agent),
            new Endpoint("GET", "/api/chats/unread-count", f -> f.customer),
            new Endpoint("GET", "/api/chats/{chat}", f -> f.customer),
            new Endpoint("GET", "/api/chats/{chat}/messages", f -> f.customer),
            new Endpoint("GET", "/api/chats/{chat}/notes", f -> f.agent),
            new Endpoint("GET", "/api/chats/{chat}/transcript", f -> f.customer),
            new Endpoint("GET", "/api/chats/{chat}/transcript", f -> f.agent),
            new Endpoint("GET", "/api/canned-responses", f -> f.agent),
            new Endpoint("GET", "/api/admin/projections", f -> f.admin),
            new Endpoint("GET", "/api/admin/dead-letters", f -> f.admin),
            new Endpoint("GET", "/api/admin/chats/{chat}/check", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{chat}/events", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{chat}/verify", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{chat}/state", f -> f.admin),
            new Endpoint("GET", "/api/audit/events", f -> f.admin),
            new Endpoint("GET", "/api/media/no-such-media", f -> f.customer));

    /** Paths with an id the client chooses, {@code {id}} marking it. */
    static final List<Endpoint> WITH_IDS = List.of(
            new Endpoint("GET", "/api/chats/{id}", f -> f.customer),
            new Endpoint("PATCH", "/api/admin/users/{id}", f -> f.admin),
            new Endpoint("GET", "/api/chats/{id}/messages", f -> f.agent),
            new Endpoint("POST", "/api/chats/{id}/messages", f -> f.customer),
            new Endpoint("POST", "/api/chats/{id}/read", f -> f.customer),
            new Endpoint("POST", "/api/chats/{id}/assign", f -> f.agent),
            new Endpoint("POST", "/api/chats/{id}/status", f -> f.admin),
            new Endpoint("POST", "/api/chats/{id}/close", f -> f.admin),
            new Endpoint("GET", "/api/chats/{id}/notes", f -> f.agent),
            new Endpoint("POST", "/api/chats/{id}/notes", f -> f.agent),
            new Endpoint("GET", "/api/chats/{id}/transcript", f -> f.customer),
            new Endpoint("PATCH", "/api/chats/{id}", f -> f.admin),
            new Endpoint("POST", "/api/chats/{id}/rating", f -> f.customer),
            new Endpoint("PUT", "/api/canned-responses/{id}", f -> f.admin),
            new Endpoint("DELETE", "/api/canned-responses/{id}", f -> f.admin),
            new Endpoint("POST", "/api/admin/projections/{id}/replay", f -> f.admin),
            new Endpoint("POST", "/api/admin/dead-letters/{id}/retry", f -> f.admin),
            new Endpoint("GET", "/api/admin/chats/{id}/check", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{id}/events", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{id}/verify", f -> f.admin),
            new Endpoint("GET", "/api/audit/chats/{id}/state", f -> f.admin),
            new Endpoint("GET", "/api/media/{id}", f -> f.customer));

    boolean aimsAtClosable() {
        return path.contains("{closable}");
    }

    String resolve(Fixture fixture) {
        return path.replace("{chat}", fixture.openChat).replace("{closable}", fixture.closableChat());
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
