package io.parley.server.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/auth/login. */
record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {
}
