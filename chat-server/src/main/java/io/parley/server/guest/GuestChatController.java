package io.parley.server.guest;

import io.parley.command.web.ChatStarting;
import io.parley.command.web.StartChatRequest;
import io.parley.command.web.StartedChat;
import io.parley.server.security.ActorAuthentication;
import io.parley.server.security.TokenService;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Anonymous visitors open a chat without an account and get a guest token bound to a new guest id. Presenting
 * that token again returns the guest's active chat, like a registered user's start does. A caller signed in with an
 * account is refused (403): it starts chats as itself.
 */
@RestController
class GuestChatController {
    private final ChatStarting starting;
    private final TokenService tokens;

    GuestChatController(ChatStarting starting, TokenService tokens) {
        this.starting = starting;
        this.tokens = tokens;
    }

    @PostMapping("/api/chats/guest")
    ResponseEntity<ApiResponse<GuestChat>> start(@Valid @RequestBody GuestChatRequest request,
                                                 HttpServletRequest http) {
        Actor guest;
        String token;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication known && known.getPrincipal().role() == Role.GUEST) {
            guest = known.getPrincipal();
            token = bearer(http);
        } else if (auth instanceof ActorAuthentication signedIn) {
            // An account never turns into an anonymous guest: a customer keeps one identity and its own chats.
            throw new ChatRejectedException(ErrorCode.FORBIDDEN, "ACCOUNT_NOT_GUEST", "signed in as "
                    + signedIn.getPrincipal().role().wire() + ": start a chat with POST /api/chats instead");
        } else {
            guest = new Actor(UUID.randomUUID().toString(), Role.GUEST, request.name().strip());
            token = tokens.issueGuestToken(guest.id(), guest.name());
        }
        StartedChat started = starting.start(guest, request.email(), new StartChatRequest(request.message(),
                request.subject(), request.category(), request.priority(), request.attachmentIds(),
                request.clientMessageId()));
        GuestChat body = new GuestChat(started.chat(), started.messages(), guest.id(), token, started.isExisting());
        return ResponseEntity.status(started.isExisting() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ApiResponse.ok(body));
    }

    private static String bearer(HttpServletRequest http) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        return header == null ? null : header.substring("Bearer ".length()).trim();
    }
}
