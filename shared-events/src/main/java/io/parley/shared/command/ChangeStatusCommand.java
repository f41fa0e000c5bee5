package io.parley.shared.command;

import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff move a chat along the status table, optionally with a resolution summary. */
public record ChangeStatusCommand(@TargetAggregateIdentifier String chatId,
                                  Actor actor,
                                  ChatStatus status,
                                  String resolutionSummary) implements ActorCommand {
}
