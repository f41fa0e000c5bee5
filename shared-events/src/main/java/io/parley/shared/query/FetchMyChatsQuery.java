package io.parley.shared.query;

import io.parley.shared.Actor;

/** A customer's or guest's own chats, newest activity first. */
public record FetchMyChatsQuery(Actor viewer, int page, int limit) {
}
