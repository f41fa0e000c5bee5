package io.parley.dialects.gs365;

import io.parley.dialects.core.ChatReads;
import io.parley.dialects.core.DialectException;
import io.parley.dialects.core.Fields;
import io.parley.dialects.core.GuestTokens;
import io.parley.dialects.core.RestCaller;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.command.StartChatCommand;
import io.parley.shared.command.StartChatResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 000's guest start, {@code POST /api/chats/guest {guestId?, name, email?, subject?, initialMessage?}}: a new
 * guest gets Parley's guest token ({@code guestToken}, to send as {@code Authorization} from then on); a guest who
 * presents it gets their active chat. A bare {@code guestId} resumes nothing: anyone could send one.
 */
@RestController
class Gs365GuestController {
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;

    private final CommandGateway commands;
    private final ChatReads reads;
    private final RestCaller caller;
    private final GuestTokens guestTokens;

    Gs365GuestController(CommandGateway commands, ChatReads reads, RestCaller caller, GuestTokens guestTokens) {
        this.commands = commands;
        this.reads = reads;
        this.caller = caller;
        this.guestTokens = guestTokens;
    }

    @PostMapping("/compat/gs365/api/chats/guest")
    ResponseEntity<ApiResponse<Map<String, Object>>> start(@RequestBody(required = false) Object body) {
        Fields fields = Fields.of(body, false);
        String name = fields.requiredText("name", "name is required").strip();
        String email = fields.optionalText("email");
        if (name.length() > MAX_NAME) throw DialectException.invalid("name is too long");
        if (email != null && (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw DialectException.invalid("email is not an email address");
        }
        String message = fields.requiredText("initialMessage",
                "initialMessage is required: a Parley chat starts with its first message");
        String subject = fields.optionalText("subject");
        Actor guest = caller.optional();
        String token = null;
        if (guest == null) {
            if (fields.raw("guestId") != null) {
                throw DialectException.forbidden("a guest resumes with its guestToken (Authorization), not a guestId");
            }
            guest = new Actor(UUID.randomUUID().toString(), Role.GUEST, name);
            token = guestTokens.issue(guest.id(), guest.name());
        } else if (guest.role() != Role.GUEST) {
            throw DialectException.forbidden("signed in with an account: start a chat with /api/chats/user");
        } else {
            fields.claimedSelf("guestId", guest.id());
        }
        StartChatResult result = commands.sendAndWait(new StartChatCommand(UUID.randomUUID().toString(), guest, email,
                subject == null || subject.isBlank() ? "Support request" : subject.strip(), "general",
                Priority.MEDIUM, UUID.randomUUID().toString(), message, List.of(), null));
        Map<String, Object> chat = Gs365Names.chat(reads.chat(result.chatId(), guest, result.version()));
        chat.put("guestId", guest.id());
        chat.put("guestToken", token);
        chat.put("isExisting", result.existing());
        return ResponseEntity.status(result.existing() ? 200 : 201).body(ApiResponse.ok(chat));
    }
}
