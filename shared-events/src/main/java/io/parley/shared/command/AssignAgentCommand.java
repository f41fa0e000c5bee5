package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff take a chat themselves, an admin assigns it, or the holder transfers it to {@code agentId}. */
public record AssignAgentCommand(@TargetAggregateIdentifier String chatId,
                                 Actor actor,
                                 String agentId,
                                 String agentName) implements ActorCommand {
}
