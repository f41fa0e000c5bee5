package io.parley.command.notes;

import io.parley.command.web.ChatIds;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.command.AddNoteCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.NoteView;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Writes a private note (agents and admins); answers from the stored event, like a send. */
@RestController
class NoteCommandController {
    private final CommandGateway commands;

    NoteCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/chats/{chatId}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<NoteView> add(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                              @Valid @RequestBody AddNoteRequest request) {
        // Refused before any lookup: a customer learns nothing about the chat, not even whether it exists.
        if (actor == null || !actor.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins write notes");
        }
        NoteView note = commands.sendAndWait(new AddNoteCommand(ChatIds.check(chatId), actor,
                IdentifierFactory.getInstance().generateIdentifier(), request.content()));
        return ApiResponse.ok(note);
    }
}
