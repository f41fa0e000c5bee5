package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant's client has received the other side's messages up to {@code upToSeq} (null: everything). */
public record MarkDeliveredCommand(@TargetAggregateIdentifier String chatId,
                                   Actor actor,
                                   Long upToSeq) implements ActorCommand {
}
