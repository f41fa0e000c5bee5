package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chat's customer rates the help they got (CSAT), once, after the chat was resolved or closed. */
public record RateChatCommand(@TargetAggregateIdentifier String chatId,
                              Actor actor,
                              int score,
                              String comment) implements ActorCommand {
}
