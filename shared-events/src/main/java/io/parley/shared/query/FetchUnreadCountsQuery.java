package io.parley.shared.query;

import io.parley.shared.Actor;

/** Unread counts for the viewer: a customer's own chats, an agent's assigned chats, all active chats for admins. */
public record FetchUnreadCountsQuery(Actor viewer) {
}
