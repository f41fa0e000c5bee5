package io.parley.server.canned;

import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Pagination;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Saved replies: agents and admins read and search them, admins write them. */
@Tag(name = "Canned responses", description = "Saved replies agents insert by shortcode")
@RestController
@RequestMapping("/api/canned-responses")
class CannedResponseController {
    static final int MAX_LIMIT = 100;
    private static final int MAX_ID = 64;

    private final CannedResponses canned;

    CannedResponseController(CannedResponses canned) {
        this.canned = canned;
    }

    @Operation(summary = "Saved replies by shortcode; q matches shortcode and title (case-insensitive)")
    @GetMapping
    ApiResponse<List<CannedResponseView>> list(@AuthenticationPrincipal Actor actor,
                                               @Parameter(description = "Text contained in shortcode or title.")
                                               @RequestParam(required = false) String q,
                                               @RequestParam(defaultValue = "1") int page,
                                               @RequestParam(defaultValue = "20") int limit) {
        requireStaff(actor);
        if (page < 1 || (long) page * limit > Integer.MAX_VALUE) {
            throw ChatRejectedException.invalid("page", "INVALID_PAGE", "page must be 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ChatRejectedException.invalid("limit", "INVALID_LIMIT", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (q != null && q.length() > 200) {
            throw ChatRejectedException.invalid("q", "QUERY_TOO_LONG", "q is limited to 200 characters");
        }
        Page<CannedResponseView> found = canned.search(q, page, limit);
        return ApiResponse.page(found.getContent(), Pagination.of(page, limit, found.getTotalElements()));
    }

    @Operation(summary = "Adds a saved reply (admin); 409 when the shortcode is taken")
    @PostMapping
    ResponseEntity<ApiResponse<CannedResponseView>> create(@AuthenticationPrincipal Actor actor,
                                                           @Valid @RequestBody CannedResponseRequest request) {
        requireAdmin(actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(canned.create(request, actor)));
    }

    @Operation(summary = "Replaces a saved reply (admin); 409 when the shortcode is another's")
    @PutMapping("/{id}")
    ApiResponse<CannedResponseView> replace(@AuthenticationPrincipal Actor actor, @PathVariable String id,
                                            @Valid @RequestBody CannedResponseRequest request) {
        requireAdmin(actor);
        return ApiResponse.ok(canned.replace(checkId(id), request, actor));
    }

    @Operation(summary = "Deletes a saved reply (admin)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        requireAdmin(actor);
        canned.delete(checkId(id));
        return ResponseEntity.noContent().build();
    }

    private static String checkId(String id) {
        if (id.isBlank() || id.length() > MAX_ID) throw ChatRejectedException.notFound("canned response");
        return id;
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw ChatRejectedException.forbidden("STAFF_ONLY", "only agents and admins read canned responses");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.ADMIN) {
            throw ChatRejectedException.forbidden("ADMIN_ONLY", "only admins change canned responses");
        }
    }
}
