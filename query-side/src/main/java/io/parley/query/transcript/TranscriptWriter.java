package io.parley.query.transcript;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;

import java.io.IOException;

/** Writes one transcript as it streams: the chat first, then its messages (and notes) in order, then the end. */
interface TranscriptWriter {

    void begin(ChatView chat, boolean withNotes) throws IOException;

    void message(MessageView message) throws IOException;

    void note(NoteView note) throws IOException;

    /** Completes the document and flushes it; the stream itself is the container's to close. */
    void end() throws IOException;
}
