package io.parley.query.transcript;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A transcript to read or print: the chat's details, then one paragraph per message, notes marked as such. */
final class TextTranscript implements TranscriptWriter {
    private final PrintWriter out;

    TextTranscript(OutputStream stream) {
        this.out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    @Override
    public void begin(ChatView chat, boolean withNotes) {
        line("Ticket:   " + chat.ticketNumber());
        line("Subject:  " + Cells.text(chat.subject()));
        line("Status:   " + chat.status());
        line("Priority: " + chat.priority());
        line("Category: " + Cells.text(chat.category()));
        if (chat.customer() != null) {
            String email = chat.customer().email() == null ? "" : " <" + chat.customer().email() + ">";
            line("Customer: " + Cells.text(chat.customer().name()) + email + " (" + chat.customer().type() + ")");
        }
        if (chat.assignedAgent() != null) line("Agent:    " + Cells.text(chat.assignedAgent().name()));
        line("Started:  " + Cells.time(chat.createdAt()));
        if (chat.resolvedAt() != null) line("Resolved: " + Cells.time(chat.resolvedAt()));
        if (chat.closedAt() != null) line("Closed:   " + Cells.time(chat.closedAt()));
        if (chat.resolutionSummary() != null) line("Summary:  " + chat.resolutionSummary());
        out.print("\n");
    }

    @Override
    public void message(MessageView message) {
        line("[" + Cells.time(message.createdAt()) + "] #" + message.seq() + " "
                + Cells.text(message.senderName()) + " (" + message.senderType() + "):");
        line(message.content());
        String attachments = Cells.attachments(message.attachments());
        if (!attachments.isEmpty()) line("Attachments: " + attachments);
        out.print("\n");
    }

    @Override
    public void note(NoteView note) {
        line("[" + Cells.time(note.createdAt()) + "] NOTE by " + Cells.text(note.authorName())
                + " (staff only):");
        line(note.content());
        out.print("\n");
    }

    /** Lines end with LF whatever the server's platform, so a transcript is the same file everywhere. */
    private void line(String text) {
        out.print(text);
        out.print('\n');
    }

    @Override
    public void end() throws IOException {
        out.flush();
        if (out.checkError()) throw new IOException("the transcript could not be written to the client");
    }
}
