package io.parley.server.canned;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * Body of creating and replacing a saved reply. The shortcode is what an agent types ({@code /refund}): letters,
 * digits, {@code -} and {@code _}, matched case-insensitively; the content is a message's text (4000 characters).
 */
record CannedResponseRequest(
        @NotNull(message = "shortcode is required")
        @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9_-]{0,31}\\s*",
                message = "shortcode must be 1 to 32 letters, digits, - or _, starting with a letter or digit")
        String shortcode,
        @NotBlank(message = "title is required") @Size(max = 200) String title,
        @NotBlank(message = "content is required") @Size(max = 8000) String content) {

    String normalizedShortcode() {
        return shortcode.strip().toLowerCase(Locale.ROOT);
    }
}
