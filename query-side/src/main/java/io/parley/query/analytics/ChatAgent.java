package io.parley.query.analytics;

/** One staff member's part in one chat: whether they held it, resolved it, and how many messages they sent. */
final class ChatAgent {
    final String chatId;
    final String agentId;
    boolean assigned;
    boolean resolved;
    int messages;

    ChatAgent(String chatId, String agentId) {
        this.chatId = chatId;
        this.agentId = agentId;
    }
}
