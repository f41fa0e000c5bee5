package io.parley.query.deadletters;

import io.parley.shared.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/admin/dead-letters}: events the read models could not apply (admins only, by the security chain). */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterAdminController {
    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    ApiResponse<List<DeadLetterView>> list() {
        return ApiResponse.ok(deadLetters.list());
    }

    @PostMapping("/{group}/retry")
    ApiResponse<RetryResult> retry(@PathVariable String group) {
        return ApiResponse.ok(deadLetters.retry(group));
    }
}
