package io.parley.shared.command;

import io.parley.shared.Actor;

/** A command that says who issues it; the dispatcher copies the actor into the message metadata. */
public interface ActorCommand {
    String chatId();

    Actor actor();
}
