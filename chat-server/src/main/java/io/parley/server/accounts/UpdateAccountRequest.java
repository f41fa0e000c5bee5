package io.parley.server.accounts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PATCH /api/admin/users/{id}: every field optional, absent (or null) meaning "unchanged". */
record UpdateAccountRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = "agent|admin|auditor", message = "must be agent, admin or auditor") String role,
        Boolean active,
        @Min(1) @Max(AccountChanges.MAX_CAPACITY) Integer capacity) {
}
