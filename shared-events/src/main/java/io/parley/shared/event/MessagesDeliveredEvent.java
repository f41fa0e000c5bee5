package io.parley.shared.event;

import io.parley.shared.Role;
import io.parley.shared.Side;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** One side's client has received everything up to {@code upToSeq} (the single tick). */
@Revision("1")
public record MessagesDeliveredEvent(String chatId,
                                     Side side,
                                     String recipientId,
                                     Role recipientRole,
                                     long upToSeq,
                                     Instant deliveredAt) {
}
