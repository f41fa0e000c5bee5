package io.parley.server.canned;

import java.time.Instant;

/** A saved reply as the API shows it, with who made and who last changed it. */
public record CannedResponseView(String id,
                                 String shortcode,
                                 String title,
                                 String content,
                                 String createdBy,
                                 Instant createdAt,
                                 String updatedBy,
                                 Instant updatedAt) {
}
