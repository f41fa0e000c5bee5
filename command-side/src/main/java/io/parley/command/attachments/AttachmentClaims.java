package io.parley.command.attachments;

import io.parley.shared.Actor;
import io.parley.shared.event.Attachment;

import java.util.List;

/**
 * Claims uploaded media for a message while the message is being accepted, in the transaction that appends its
 * event: the claim commits or rolls back with it. Owned here so that the rule lives with the chat; the media
 * store (chat-server) implements it.
 */
public interface AttachmentClaims {

    /**
     * Marks each of {@code mediaIds} as carried by {@code messageId} of {@code chatId} (whose customer is
     * {@code customerId}) and answers their metadata in the given order. Throws a
     * {@link io.parley.shared.error.ChatRejectedException}: NOT_FOUND for an id that does not exist or that the
     * sender did not upload (the two look the same), CONFLICT for media another message already carries.
     */
    List<Attachment> claim(Actor sender, String chatId, String customerId, String messageId, List<String> mediaIds);
}
