package io.parley.shared.query;

import java.time.Instant;
import java.util.List;

/** A message as the contract shows it; {@code senderType} is user, guest, agent or system. */
public record MessageView(String id,
                          String chatId,
                          long seq,
                          String senderId,
                          String senderType,
                          String senderName,
                          String content,
                          List<MediaView> attachments,
                          String clientMessageId,
                          Instant createdAt,
                          Instant readAt) {
}
