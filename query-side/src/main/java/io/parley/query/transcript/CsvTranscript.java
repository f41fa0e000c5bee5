package io.parley.query.transcript;

import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One row per message (and note), in order, with the chat's ticket number, subject and customer on every row so
 * that rows of several transcripts can be pasted together. RFC 4180 through Commons CSV; every text cell is made
 * inert against formula injection ({@link Cells#inert}).
 */
final class CsvTranscript implements TranscriptWriter {
    static final String[] HEADER = {"ticketNumber", "subject", "customer", "kind", "seq", "createdAt", "authorType",
            "authorName", "content", "attachments"};

    private final Writer writer;
    private CSVPrinter printer;
    private ChatView chat;

    CsvTranscript(OutputStream out) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void begin(ChatView chat, boolean withNotes) throws IOException {
        this.chat = chat;
        printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
    }

    @Override
    public void message(MessageView message) throws IOException {
        row("message", Long.toString(message.seq()), message.createdAt(), message.senderType(),
                message.senderName(), message.content(), Cells.attachments(message.attachments()));
    }

    @Override
    public void note(NoteView note) throws IOException {
        row("note", "", note.createdAt(), "agent", note.authorName(), note.content(), "");
    }

    @Override
    public void end() throws IOException {
        printer.flush();
    }

    private void row(String kind, String seq, java.time.Instant at, String authorType, String authorName,
                     String content, String attachments) throws IOException {
        printer.printRecord(chat.ticketNumber(), Cells.inert(chat.subject()), Cells.inert(customer()), kind, seq,
                Cells.time(at), authorType, Cells.inert(authorName), Cells.inert(content), Cells.inert(attachments));
    }

    private String customer() {
        return chat.customer() == null ? "" : Cells.text(chat.customer().name());
    }
}
