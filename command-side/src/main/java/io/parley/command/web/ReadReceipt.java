package io.parley.command.web;

import java.time.Instant;

/** Answer of a read mark: the reader's side has read up to {@code upToSeq}. */
public record ReadReceipt(String chatId, String readerId, long upToSeq, Instant readAt) {
}
