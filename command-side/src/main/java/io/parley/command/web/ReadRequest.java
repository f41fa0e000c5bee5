package io.parley.command.web;

import jakarta.validation.constraints.PositiveOrZero;

/** Body of {@code POST /api/chats/{id}/read}; no upToSeq means everything so far. */
public record ReadRequest(@PositiveOrZero Long upToSeq) {
}
