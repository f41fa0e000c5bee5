package io.parley.shared.query;

/** A registered account as the contract's {@code user} object: {id, name, email, role}. */
public record AccountView(String id, String name, String email, String role) {
}
