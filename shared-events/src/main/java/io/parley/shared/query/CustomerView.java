package io.parley.shared.query;

/** The customer of a chat; {@code type} is {@code user} or {@code guest}. */
public record CustomerView(String id, String name, String email, String type) {
}
