package io.parley.server.accounts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /api/auth/password. */
record PasswordChangeRequest(@NotNull @Size(max = 1024) String currentPassword,
                             @NotNull @Size(min = 8, max = 72) String newPassword) {
}
