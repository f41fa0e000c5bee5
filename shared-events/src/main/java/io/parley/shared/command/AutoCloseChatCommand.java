package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The auto-close policy closes a chat that has stayed resolved since {@code resolvedAtOrBefore} or earlier. */
public record AutoCloseChatCommand(@TargetAggregateIdentifier String chatId,
                                   Instant resolvedAtOrBefore) implements ActorCommand {
    @Override
    public Actor actor() {
        return Actor.system();
    }
}
