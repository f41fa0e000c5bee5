package io.parley.shared.command;

import io.parley.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff leave a private note on a chat, for colleagues only: customers and guests never see it. */
public record AddNoteCommand(@TargetAggregateIdentifier String chatId,
                             Actor actor,
                             String noteId,
                             String content) implements ActorCommand {
}
