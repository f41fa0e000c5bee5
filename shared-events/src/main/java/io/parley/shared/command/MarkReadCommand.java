package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant has read the other side's messages up to {@code upToSeq} (null: everything so far). */
public record MarkReadCommand(@TargetAggregateIdentifier String chatId,
                              Actor actor,
                              Long upToSeq) implements ActorCommand {
}
