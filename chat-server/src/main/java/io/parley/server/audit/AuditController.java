package io.parley.server.audit;

import io.parley.command.web.ChatFromEvents;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.ChatView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/audit}: the event store as auditors read it (auditors and admins only, enforced by the security
 * chain). Nothing here changes or removes an event. See docs/audit.md.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Every chat event as stored, its hash chain, a chat as of any time, NDJSON export")
class AuditController {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private final AuditLog log;
    private final ChatFromEvents chats;

    AuditController(AuditLog log, ChatFromEvents chats) {
        this.log = log;
        this.chats = chats;
    }

    @Operation(summary = "A chat's audit events, oldest first, with actor, correlation id, position and chain link")
    @GetMapping("/chats/{chatId}/events")
    ApiResponse<List<AuditEvent>> events(@PathVariable String chatId,
                                         @RequestParam(required = false) Long afterSequence,
                                         @Parameter(description = "Page size: default 100, max 1000.")
                                         @RequestParam(required = false) Integer limit) {
        long after = afterSequence == null ? -1 : afterSequence;
        if (after < -1) throw ChatRejectedException.invalid("afterSequence", "OUT_OF_RANGE",
                "afterSequence must be -1 or more");
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) throw ChatRejectedException.invalid("limit", "OUT_OF_RANGE",
                "limit must be between 1 and " + MAX_LIMIT);
        requireChat(chatId);
        return ApiResponse.ok(log.page(chatId, after, size));
    }

    @Operation(summary = "Re-checks a chat's hash chain against its stored events")
    @GetMapping("/chats/{chatId}/verify")
    ApiResponse<ChainCheck> verify(@PathVariable String chatId) {
        requireChat(chatId);
        return ApiResponse.ok(log.verify(chatId));
    }

    @Operation(summary = "The chat as it was at a moment, folded from its events up to it (never a read model)")
    @GetMapping("/chats/{chatId}/state")
    ApiResponse<ChatView> state(@PathVariable String chatId, @RequestParam(required = false) String at) {
        Instant moment = time("at", at);
        if (moment == null) throw ChatRejectedException.invalid("at", "REQUIRED", "at is required");
        requireChat(chatId);
        return ApiResponse.ok(chats.asOf(chatId, moment).orElseThrow(() -> ChatRejectedException.notFound("chat")));
    }

    @Operation(summary = "Every chat event in global order as NDJSON (application/x-ndjson), streamed",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "One audit event per line", content = @Content(
                            mediaType = "application/x-ndjson", schema = @Schema(implementation = AuditEvent.class))))
    @GetMapping("/events")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) Long afterPosition,
                @Parameter(description = "At most this many events; all when absent.")
                @RequestParam(required = false) Long limit,
                HttpServletResponse response) throws IOException {
        Instant since = time("from", from);
        Instant until = time("to", to);
        long after = afterPosition == null ? -1 : afterPosition;
        if (after < -1) throw ChatRejectedException.invalid("afterPosition", "OUT_OF_RANGE",
                "afterPosition must be -1 or more");
        if (limit != null && limit < 1) throw ChatRejectedException.invalid("limit", "OUT_OF_RANGE",
                "limit must be 1 or more");
        response.setContentType("application/x-ndjson");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
        try {
            log.export(after, since, until, limit, event -> {
                try {
                    out.write(AuditChain.JSON.writeValueAsBytes(event));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException clientGone) {
            // Only writing to the client throws this: it stopped reading, and resumes with afterPosition.
        }
    }

    private void requireChat(String chatId) {
        if (chatId.isBlank() || chatId.length() > 64 || !log.exists(chatId)) {
            throw ChatRejectedException.notFound("chat");
        }
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ChatRejectedException.invalid(field, "INVALID_TIME",
                    field + " must be an ISO-8601 time with offset, e.g. 2026-11-21T10:30:00.000Z");
        }
    }
}
