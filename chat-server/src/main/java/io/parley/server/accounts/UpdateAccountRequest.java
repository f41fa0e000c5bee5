package io.parley.server.accounts;

import io.parley.shared.error.ChatRejectedException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PATCH /api/admin/users/{id}: every field optional, absent (or null) meaning "unchanged". */
record UpdateAccountRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = "agent|admin|auditor", message = "must be agent, admin or auditor") String role,
        Boolean active,
        // A Number, not an Integer, so that 1.5 is refused rather than rounded by Jackson.
        @Min(1) @Max(AccountChanges.MAX_CAPACITY) Number capacity) {

    /** The capacity asked for, when the JSON number was a whole number (Jackson reads those as Integer). */
    Integer wholeCapacity() {
        if (capacity == null) return null;
        if (capacity instanceof Integer whole) return whole;
        throw ChatRejectedException.invalid("capacity", "NOT_A_WHOLE_NUMBER", "capacity must be a whole number");
    }
}
