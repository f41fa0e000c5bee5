package io.parley.shared.event;

import io.parley.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A message joined the chat at position {@code seq}; {@code senderRole} SYSTEM marks a system notice. */
@Revision("1")
public record MessageSentEvent(String chatId,
                               String messageId,
                               long seq,
                               String senderId,
                               Role senderRole,
                               String senderName,
                               String content,
                               List<String> attachmentIds,
                               String clientMessageId,
                               Instant sentAt) {
}
