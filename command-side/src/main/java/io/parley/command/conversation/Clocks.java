package io.parley.command.conversation;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Event time: Axon's event clock (which test fixtures control), cut to the contract's millisecond precision. */
final class Clocks {
    private Clocks() {
    }

    static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
