package io.parley.server.media;

import io.parley.command.attachments.AttachmentClaims;
import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.event.Attachment;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The media store's side of the attachment rule: a message may carry only media its sender uploaded and no other
 * message carries. Runs inside the command's transaction (Axon's unit of work), so the claim commits or rolls
 * back with the message's event; a concurrent claim of the same media waits on the row and then finds it taken.
 */
@Component
class MediaAttachmentClaims implements AttachmentClaims {
    private final MediaRecords records;

    MediaAttachmentClaims(MediaRecords records) {
        this.records = records;
    }

    @Override
    public List<Attachment> claim(Actor sender, String chatId, String customerId, String messageId,
                                  List<String> mediaIds) {
        List<Attachment> attachments = new ArrayList<>(mediaIds.size());
        Instant now = Instant.now();
        for (String id : mediaIds) {
            if (!records.claim(id, sender.id(), chatId, customerId, messageId, now)) {
                throw refusal(id, sender);
            }
            attachments.add(records.find(id).orElseThrow(() -> notFound(id)).attachment());
        }
        return attachments;
    }

    private ChatRejectedException refusal(String id, Actor sender) {
        StoredMedia media = records.find(id).filter(m -> m.uploaderId().equals(sender.id())).orElse(null);
        // Someone else's upload looks exactly like one that does not exist.
        if (media == null) return notFound(id);
        return new ChatRejectedException(ErrorCode.CONFLICT, "MEDIA_ALREADY_ATTACHED", "attachmentIds",
                "media " + id + " is already attached to another message");
    }

    private static ChatRejectedException notFound(String id) {
        return new ChatRejectedException(ErrorCode.NOT_FOUND, "MEDIA_NOT_FOUND", "attachmentIds",
                "media " + id + " not found");
    }
}
