package io.parley.shared.event;

import io.parley.shared.Role;
import io.parley.shared.Side;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** One side of the chat has read everything up to {@code upToSeq}. */
@Revision("1")
public record MessagesReadEvent(String chatId,
                                Side side,
                                String readerId,
                                Role readerRole,
                                long upToSeq,
                                Instant readAt) {
}
