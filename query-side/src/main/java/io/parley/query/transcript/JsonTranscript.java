package io.parley.query.transcript;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;

import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code {chat, messages: [message], notes: [note]}} with the API's own JSON shapes; {@code notes} only when asked
 * for. Messages are written as they are read; notes are few and follow them.
 */
final class JsonTranscript implements TranscriptWriter {
    private final JsonGenerator out;
    private final ObjectMapper json;
    private final java.util.List<NoteView> notes = new java.util.ArrayList<>();
    private boolean withNotes;

    JsonTranscript(OutputStream stream, ObjectMapper json) throws IOException {
        this.json = json;
        this.out = json.getFactory().createGenerator(stream);
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void begin(ChatView chat, boolean withNotes) throws IOException {
        this.withNotes = withNotes;
        out.writeStartObject();
        out.writeFieldName("chat");
        json.writeValue(out, chat);
        out.writeArrayFieldStart("messages");
    }

    @Override
    public void message(MessageView message) throws IOException {
        json.writeValue(out, message);
    }

    @Override
    public void note(NoteView note) {
        notes.add(note);
    }

    @Override
    public void end() throws IOException {
        out.writeEndArray();
        if (withNotes) {
            out.writeArrayFieldStart("notes");
            for (NoteView note : notes) json.writeValue(out, note);
            out.writeEndArray();
        }
        out.writeEndObject();
        out.flush();
    }
}
