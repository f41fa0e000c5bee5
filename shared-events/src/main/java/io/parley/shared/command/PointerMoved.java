package io.parley.shared.command;

import java.time.Instant;

/** Result of a read or delivered mark: the side's pointer now, when it last moved, and the version. */
public record PointerMoved(String chatId, long upToSeq, Instant at, long version, ChatState state)
        implements ChatState.Carrier {
}
