package io.parley.shared.command;

import io.parley.shared.event.ChatRatedEvent;

/** Result of a rating: the stored rating and the aggregate version that holds it. */
public record ChatRatedResult(ChatRatedEvent rating, long version) {
}
