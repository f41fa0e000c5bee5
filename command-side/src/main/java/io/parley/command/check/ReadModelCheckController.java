package io.parley.command.check;

import io.parley.command.web.ChatIds;
import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/chats/{id}/check} (admins; the security configuration guards {@code /api/admin/**}):
 * whether the read models of a chat equal a fresh fold of its events, and where not ({@link ReadModelCheck}).
 */
@RestController
class ReadModelCheckController {
    private final ReadModelCheck check;

    ReadModelCheckController(ReadModelCheck check) {
        this.check = check;
    }

    @GetMapping("/api/admin/chats/{chatId}/check")
    ApiResponse<ReadModelCheck.Report> check(@AuthenticationPrincipal Actor admin, @PathVariable String chatId) {
        return ApiResponse.ok(check.check(ChatIds.check(chatId), admin));
    }
}
