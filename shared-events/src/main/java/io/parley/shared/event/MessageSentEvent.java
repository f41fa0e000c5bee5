package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A message joined the chat at position {@code seq}; {@code senderRole} SYSTEM marks a system notice. Revision 2
 * records each attachment's metadata where revision 1 had only {@code attachmentIds} (upcast on reading).
 */
@Revision("2")
public record MessageSentEvent(String chatId,
                               String messageId,
                               long seq,
                               String senderId,
                               Role senderRole,
                               String senderName,
                               String content,
                               List<Attachment> attachments,
                               String clientMessageId,
                               Instant sentAt) {

    public MessageSentEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
