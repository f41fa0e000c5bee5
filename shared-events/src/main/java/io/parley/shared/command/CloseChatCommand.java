package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff or the chat's customer close it for good. */
public record CloseChatCommand(@TargetAggregateIdentifier String chatId,
                               Actor actor,
                               String resolutionSummary) implements ActorCommand {
}
