package io.parley.shared.query;

/** A chat as staff see it and as its customer sees it; they differ in whose unread count they carry. */
public record ChatSidesView(ChatView staff, ChatView customer) {
}
