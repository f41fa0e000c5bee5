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
        out.println("Ticket:   " + chat.ticketNumber());
        out.println("Subject:  " + Cells.text(chat.subject()));
        out.println("Status:   " + chat.status());
        out.println("Priority: " + chat.priority());
        out.println("Category: " + Cells.text(chat.category()));
        if (chat.customer() != null) {
            String email = chat.customer().email() == null ? "" : " <" + chat.customer().email() + ">";
            out.println("Customer: " + Cells.text(chat.customer().name()) + email + " (" + chat.customer().type() + ")");
        }
        if (chat.assignedAgent() != null) out.println("Agent:    " + Cells.text(chat.assignedAgent().name()));
        out.println("Started:  " + Cells.time(chat.createdAt()));
        if (chat.resolvedAt() != null) out.println("Resolved: " + Cells.time(chat.resolvedAt()));
        if (chat.closedAt() != null) out.println("Closed:   " + Cells.time(chat.closedAt()));
        if (chat.resolutionSummary() != null) out.println("Summary:  " + chat.resolutionSummary());
        out.println();
    }

    @Override
    public void message(MessageView message) {
        out.println("[" + Cells.time(message.createdAt()) + "] #" + message.seq() + " "
                + Cells.text(message.senderName()) + " (" + message.senderType() + "):");
        out.println(message.content());
        String attachments = Cells.attachments(message.attachments());
        if (!attachments.isEmpty()) out.println("Attachments: " + attachments);
        out.println();
    }

    @Override
    public void note(NoteView note) {
        out.println("[" + Cells.time(note.createdAt()) + "] NOTE by " + Cells.text(note.authorName())
                + " (staff only):");
        out.println(note.content());
        out.println();
    }

    @Override
    public void end() throws IOException {
        out.flush();
        if (out.checkError()) throw new IOException("the transcript could not be written to the client");
    }
}
