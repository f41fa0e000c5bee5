package io.parley.shared.command;

import io.parley.shared.Actor;
import io.parley.shared.Priority;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Staff edit a chat's details; a null field stays as it is, an empty {@code tags} list removes every tag. */
public record EditChatCommand(@TargetAggregateIdentifier String chatId,
                              Actor actor,
                              String subject,
                              Priority priority,
                              String category,
                              List<String> tags) implements ActorCommand {
}
