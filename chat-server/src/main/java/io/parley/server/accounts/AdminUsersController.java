package io.parley.server.accounts;

import io.parley.shared.Actor;
import io.parley.shared.ApiResponse;
import io.parley.shared.Pagination;
import io.parley.shared.Role;
import io.parley.shared.query.AccountView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Staff management for admins (the security chain restricts /api/admin/** to them). */
@RestController
@RequestMapping("/api/admin/users")
class AdminUsersController {
    static final int MAX_LIMIT = 100;

    private final AccountService accounts;
    private final StaffLifecycle lifecycle;

    AdminUsersController(AccountService accounts, StaffLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @PostMapping
    ResponseEntity<ApiResponse<AccountView>> create(@Valid @RequestBody CreateAccountRequest request) {
        Role role = Role.fromWire(request.role()).orElseThrow();
        AccountView user = accounts.create(request.name(), request.email(), request.password(), role);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(user));
    }

    /** Renames, changes the role, (de)activates or sets the capacity; see {@link StaffLifecycle} for what follows. */
    @PatchMapping("/{id}")
    ApiResponse<AccountView> update(@AuthenticationPrincipal Actor admin, @PathVariable String id,
                                    @Valid @RequestBody UpdateAccountRequest request) {
        return ApiResponse.ok(lifecycle.update(admin, id, request));
    }

    @GetMapping
    ApiResponse<List<AccountView>> list(
            // "?role=" (empty) means no filter, like leaving it out.
            @RequestParam(required = false) @Pattern(regexp = "|user|agent|admin|auditor",
                    message = "must be user, agent, admin or auditor") String role,
            // Bounded so that page × limit stays a valid offset, like the chat lists.
            @RequestParam(defaultValue = "1") @Min(1) @Max(Integer.MAX_VALUE / MAX_LIMIT) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit) {
        AccountService.AccountPage found = accounts.list(Role.fromWire(role).orElse(null), page, limit);
        return ApiResponse.page(found.items(), Pagination.of(page, limit, found.total()));
    }
}
