package io.parley.shared.query;

/** The agent holding a chat. */
public record AgentRef(String id, String name) {
}
