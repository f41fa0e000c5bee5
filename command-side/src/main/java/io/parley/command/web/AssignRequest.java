package io.parley.command.web;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/chats/{id}/assign}; no agentId means "me". */
public record AssignRequest(@Size(max = 64) String agentId) {
}
