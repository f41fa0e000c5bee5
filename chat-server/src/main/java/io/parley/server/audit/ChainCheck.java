package io.parley.server.audit;

/**
 * The answer of {@code GET /api/audit/chats/{id}/verify}: how many events the chat has, the last link's hash, and
 * the first sequence whose stored event no longer matches its link (or whose link is missing), null if none.
 */
public record ChainCheck(String chatId, long events, String headHash, boolean valid, Long firstInvalidSequence) {
}
