package io.parley.dialects.agri;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.MediaUploader;
import io.parley.dialects.core.MessageErrorShape;
import io.parley.dialects.core.RestCaller;
import io.parley.shared.Actor;
import io.parley.shared.Pagination;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.MediaView;
import io.parley.shared.query.MessageView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001's REST calls ({@code /api/v1/chat/...}) under {@code /compat/agri}: a support agent's conversations
 * (assigned to them), a customer's own, one conversation, its latest messages, and media uploads.
 */
@RestController
@MessageErrorShape
@RequestMapping("/compat/agri/api/v1/chat")
class AgriController {
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_MESSAGES = 50;

    private final ChatReads reads;
    private final RestCaller caller;
    private final MediaUploader media;

    AgriController(ChatReads reads, RestCaller caller, MediaUploader media) {
        this.reads = reads;
        this.caller = caller;
        this.media = media;
    }

    /** Phase 1 of a media message: the upload; its {@code _id} is then sent as {@code mediaId}. */
    @PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@RequestPart("file") MultipartFile file) {
        Actor actor = caller.require();
        MediaView stored = media.upload(actor, file);
        Map<String, Object> uploaded = AgriNames.media(stored);
        uploaded.put("type", AgriNames.messageType(List.of(stored)));
        return ResponseEntity.status(201).body(ok(List.of(uploaded)));
    }

    @GetMapping("/conversations")
    Map<String, Object> conversations(@RequestParam(defaultValue = "1") int page,
                                      @RequestParam(defaultValue = "20") int limit) {
        Actor actor = caller.require();
        if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
            throw DialectException.invalid("page must be ≥ 1 and limit between 1 and " + MAX_LIMIT);
        }
        ChatPage chats = actor.isStaff() ? reads.inbox(actor, List.of(), "me", page, limit)
                : reads.mine(actor, page, limit);
        Map<String, Object> body = ok(chats.items().stream().map(AgriNames::conversation).toList());
        body.put("pagination", Pagination.of(page, limit, chats.total()));
        return body;
    }

    @GetMapping("/conversations/{conversationId}")
    Map<String, Object> conversation(@PathVariable String conversationId) {
        Actor actor = caller.require();
        return ok(AgriNames.conversation(reads.chat(Fields.pathId(conversationId), actor, 0)));
    }

    @GetMapping("/messages/{conversationId}")
    Map<String, Object> messages(@PathVariable String conversationId,
                                 @RequestParam(defaultValue = "" + DEFAULT_MESSAGES) int limit) {
        Actor actor = caller.require();
        if (limit < 1 || limit > ChatReads.MAX_MESSAGES) {
            throw DialectException.invalid("limit must be between 1 and " + ChatReads.MAX_MESSAGES);
        }
        List<MessageView> messages = reads.messages(Fields.pathId(conversationId), actor, 0);
        List<MessageView> latest = messages.subList(Math.max(0, messages.size() - limit), messages.size());
        Map<String, Object> body = ok(latest.stream().map(AgriNames::message).toList());
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", limit);
        pagination.put("returned", latest.size());
        pagination.put("hasMore", messages.size() > latest.size() || !latest.isEmpty() && latest.get(0).seq() > 1);
        body.put("pagination", pagination);
        return body;
    }

    private static Map<String, Object> ok(Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return body;
    }
}
