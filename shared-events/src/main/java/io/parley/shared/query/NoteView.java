package io.parley.shared.query;

import io.parley.shared.event.NoteAddedEvent;

import java.time.Instant;

/** A private note as the contract shows it to staff and auditors. */
public record NoteView(String id,
                       String chatId,
                       String authorId,
                       String authorName,
                       String content,
                       Instant createdAt) {

    /** The note exactly as its event stored it: what the write answers and {@code noteAdded} carries. */
    public static NoteView of(NoteAddedEvent event) {
        return new NoteView(event.noteId(), event.chatId(), event.authorId(), event.authorName(), event.content(),
                event.addedAt());
    }
}
