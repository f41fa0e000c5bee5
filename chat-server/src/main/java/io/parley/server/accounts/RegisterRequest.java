package io.parley.server.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/auth/register. */
record RegisterRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 254) @Email(regexp = AccountRequests.EMAIL) String email,
        @NotNull @Size(min = 8, max = 72) String password) {
}
