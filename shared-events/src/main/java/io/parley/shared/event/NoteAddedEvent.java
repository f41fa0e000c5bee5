package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Staff added a private note to a chat. It is not a message: it takes no seq and moves no read pointer, so
 * nothing a customer reads changes. {@code afterSeq}: the chat's last message seq when the note was added, which
 * places the note among the messages of a transcript.
 */
@Revision("1")
public record NoteAddedEvent(String chatId,
                             String noteId,
                             long afterSeq,
                             String authorId,
                             Role authorRole,
                             String authorName,
                             String content,
                             Instant addedAt) {
}
