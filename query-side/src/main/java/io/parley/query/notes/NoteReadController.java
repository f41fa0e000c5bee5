package io.parley.query.notes;

import io.parley.query.chat.ChatQueryHandler;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.NoteView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/chats/{id}/notes}: a chat's private notes, oldest first, for staff and auditors. */
@RestController
class NoteReadController {
    private final ChatQueryHandler chats;
    private final Notes notes;
    private final EventStore eventStore;

    NoteReadController(ChatQueryHandler chats, Notes notes, EventStore eventStore) {
        this.chats = chats;
        this.notes = notes;
        this.eventStore = eventStore;
    }

    @GetMapping("/api/chats/{chatId}/notes")
    ApiResponse<List<NoteView>> notes(@AuthenticationPrincipal Actor actor, @PathVariable String chatId) {
        // Refused before any lookup: a customer learns nothing about the chat, not even whether it exists.
        if (actor == null || !(actor.isStaff() || actor.role() == Role.AUDITOR)) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "notes are for staff and auditors only");
        }
        // The chat read waits until the read models reflect every write stored before this read began; notes
        // commit in the same batches, so a note written a moment ago is there too. Unknown chat: 404.
        long stored = chatId.isBlank() || chatId.length() > 64 ? 0
                : eventStore.lastSequenceNumberFor(chatId).orElse(0L);
        chats.handle(new FetchChatQuery(chatId, actor, stored));
        return ApiResponse.ok(notes.of(chatId).stream().map(Notes.PlacedNote::note).toList());
    }
}
