package io.parley.query.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.query.chat.ChatQueryHandler;
import io.parley.query.history.HistoryMessages;
import io.parley.query.notes.Notes;
import io.parley.query.notes.Notes.PlacedNote;
import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.FetchChatQuery;
import io.parley.shared.query.MessageView;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code GET /api/chats/{id}/transcript}: a chat's details and every message in order, as a download in JSON, CSV
 * or plain text. Everything that can refuse the request is checked before the first byte; the messages are then
 * read and written a page at a time, so a chat of any length streams in constant memory. Notes only for staff
 * and auditors who ask for them; a customer asking gets 403 (asking is a mistake the client should hear about).
 */
@RestController
class TranscriptController {
    /** Messages read per query while streaming: the history's largest page. */
    static final int PAGE = 200;

    private final ChatQueryHandler chats;
    private final HistoryMessages history;
    private final Notes notes;
    private final EventStore eventStore;
    private final ObjectMapper json;

    TranscriptController(ChatQueryHandler chats, HistoryMessages history, Notes notes, EventStore eventStore,
                         ObjectMapper json) {
        this.chats = chats;
        this.history = history;
        this.notes = notes;
        this.eventStore = eventStore;
        this.json = json;
    }

    @GetMapping("/api/chats/{chatId}/transcript")
    void transcript(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                    @RequestParam(required = false) String format,
                    @RequestParam(required = false) String includeNotes,
                    HttpServletResponse response) throws IOException {
        if (actor == null) {
            throw new ChatRejectedException(ErrorCode.AUTH_REQUIRED, "AUTH_REQUIRED", "authentication required");
        }
        TranscriptFormat type = TranscriptFormat.parse(format);
        boolean withNotes = flag(includeNotes);
        if (withNotes && !actor.isStaff() && actor.role() != Role.AUDITOR) {
            throw ChatRejectedException.forbidden("NOTES_STAFF_ONLY", "notes are for staff and auditors only");
        }
        // Waits for every write stored before the request, and answers 404 for a chat the caller may not read.
        ChatView chat = chats.handle(new FetchChatQuery(chatId, actor, stored(chatId)));
        List<PlacedNote> placed = withNotes ? notes.of(chatId) : List.of();

        response.setContentType(type.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(chat.ticketNumber() + "." + type.extension).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        TranscriptWriter writer = type.writer(out, json);
        writer.begin(chat, withNotes);
        int next = 0;
        long after = 0;
        while (true) {
            List<MessageView> page = history.page(chatId, after, null, PAGE);
            for (MessageView message : page) {
                // A note follows the last message its author had seen.
                while (next < placed.size() && placed.get(next).afterSeq() < message.seq()) {
                    writer.note(placed.get(next++).note());
                }
                writer.message(message);
                after = message.seq();
            }
            if (page.size() < PAGE) break;
        }
        while (next < placed.size()) writer.note(placed.get(next++).note());
        writer.end();
        out.flush();
    }

    private static boolean flag(String value) {
        if (value == null || value.equalsIgnoreCase("false")) return false;
        if (value.equalsIgnoreCase("true")) return true;
        throw ChatRejectedException.invalid("includeNotes", "INVALID_FLAG", "includeNotes must be true or false");
    }

    /** The chat's version in the event store, which the read models must reflect before the transcript is read. */
    private long stored(String chatId) {
        return chatId.isBlank() || chatId.length() > 64 ? 0 : eventStore.lastSequenceNumberFor(chatId).orElse(0L);
    }
}
