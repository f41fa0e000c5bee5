package io.parley.server.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /api/admin/users: a staff account created by an admin. */
record CreateAccountRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 254) @Email(regexp = AccountRequests.EMAIL) String email,
        @NotNull @Size(min = 8, max = 72) String password,
        @NotNull @Pattern(regexp = "agent|admin|auditor", message = "must be agent, admin or auditor") String role) {
}
