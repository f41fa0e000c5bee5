package io.parley.server.media;

import io.parley.shared.Actor;
import io.parley.shared.event.Attachment;

import java.time.Instant;

/** One row of the {@code media} table: an uploaded file's metadata and who may see it. */
record StoredMedia(String id, String uploaderId, String name, String contentType, long size, String sha256,
                   Instant createdAt, String customerId, String messageId, String thumbnailType) {

    /** The uploader, staff, and the customer of the chat whose message carries it; nobody else. */
    boolean visibleTo(Actor actor) {
        return actor.id().equals(uploaderId) || actor.isStaff()
                || (customerId != null && actor.id().equals(customerId));
    }

    boolean isImage() {
        return contentType.startsWith("image/");
    }

    Attachment attachment() {
        return new Attachment(id, name, contentType, size);
    }
}
