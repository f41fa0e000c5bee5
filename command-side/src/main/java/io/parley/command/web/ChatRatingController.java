package io.parley.command.web;

import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.command.ChatRatedResult;
import io.parley.shared.command.RateChatCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.ChatRatedEvent;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code POST /api/chats/{id}/rating}: the customer's CSAT rating of a resolved or closed chat, once. */
@RestController
@RequestMapping("/api/chats")
class ChatRatingController {
    private final CommandGateway commands;

    ChatRatingController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{chatId}/rating")
    ResponseEntity<ApiResponse<Rating>> rate(@AuthenticationPrincipal Actor actor, @PathVariable String chatId,
                                             @Valid @RequestBody RatingRequest request) {
        if (!actor.isCustomer()) {
            throw ChatRejectedException.forbidden("CUSTOMER_ONLY", "only the chat's customer rates it");
        }
        ChatRatedResult result = commands.sendAndWait(new RateChatCommand(ChatIds.check(chatId), actor,
                request.score(), request.comment()));
        ChatRatedEvent rating = result.rating();
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(
                new Rating(rating.chatId(), rating.score(), rating.comment(), rating.ratedAt())));
    }

    /** The answer: the rating as stored. */
    record Rating(String chatId, int score, String comment, Instant ratedAt) {
    }
}
