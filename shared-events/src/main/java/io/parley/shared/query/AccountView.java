package io.parley.shared.query;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered account as the contract's {@code user} object: {id, name, email, role, active}, plus
 * {@code capacity} (how many active chats auto-assignment gives them) for agents and admins only.
 */
public record AccountView(String id, String name, String email, String role, boolean active,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer capacity) {
}
