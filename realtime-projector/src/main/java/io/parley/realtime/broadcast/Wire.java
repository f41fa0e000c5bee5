package io.parley.realtime.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.shared.query.AgentRef;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.NoteView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The server → client vocabulary of the contract: event names, room names and payload shapes. */
public final class Wire {
    public static final String NEW_MESSAGE = "newMessage";
    public static final String INBOX_UPDATE = "inboxUpdate";
    public static final String NEW_CHAT = "newChat";
    public static final String CHAT_ASSIGNED = "chatAssigned";
    public static final String CHAT_STATUS_CHANGED = "chatStatusChanged";
    public static final String CHAT_CLOSED = "chatClosed";
    public static final String MESSAGES_READ = "messagesRead";
    public static final String MESSAGES_DELIVERED = "messagesDelivered";
    public static final String CHAT_UPDATED = "chatUpdated";
    public static final String CHAT_RATED = "chatRated";
    public static final String USER_TYPING = "userTyping";
    public static final String PRESENCE = "presence";
    public static final String AGENT_AVAILABILITY = "agentAvailability";
    public static final String FORCE_LOGOUT = "forceLogout";
    /** Staff only, through {@code agents}: never a chat room, which holds the customer too. */
    public static final String NOTE_ADDED = "noteAdded";
    public static final String CHAT_ERROR = "chatError";
    /** Not in the contract's table (it may grow): this node may have missed other nodes' broadcasts; re-join. */
    public static final String RESYNC = "resync";

    public static final String AGENTS_ROOM = "agents";

    /** Every server → client event name: the only values of the {@code event} tag of {@code parley.pushes}. */
    public static final List<String> PUSHED = List.of(NEW_MESSAGE, INBOX_UPDATE, NEW_CHAT, CHAT_ASSIGNED,
            CHAT_STATUS_CHANGED, CHAT_CLOSED, MESSAGES_READ, MESSAGES_DELIVERED, USER_TYPING, PRESENCE,
            AGENT_AVAILABILITY, FORCE_LOGOUT, CHAT_ERROR, RESYNC, NOTE_ADDED, CHAT_UPDATED, CHAT_RATED);

    private Wire() {
    }

    public static String chatRoom(String chatId) {
        return "chat-" + chatId;
    }

    /** The push lane of a room: a chat room shares its chat's lane (keyed by chat id), any other room has its own. */
    public static String laneOf(String room) {
        return room.startsWith("chat-") ? room.substring("chat-".length()) : "room:" + room;
    }

    /**
     * The lane of a broadcast: an event about a chat (its payload names one) keeps that chat's lane whichever room
     * it is for, so the chat's events stay in commit order through {@code chat-<id>} and {@code agents} alike.
     */
    public static String laneOf(String room, JsonNode payload) {
        String chatId = payload == null ? null : payload.path("chatId").textValue();
        return chatId != null ? chatId : laneOf(room);
    }

    /** {@code guest-<id>} for guests, {@code user-<id>} for everyone else (customers, staff, auditors). */
    public static String personalRoom(String personId, boolean guest) {
        return (guest ? "guest-" : "user-") + personId;
    }

    public record InboxUpdate(String chatId, String ticketNumber, String status, AgentRef assignedAgent,
                              MessageView lastMessage, long unreadCount) {
    }

    public record ChatAssigned(String chatId, String agentId, String agentName, Instant assignedAt,
                               String previousAgentId) {
    }

    public record ChatStatusChanged(String chatId, String status, String previousStatus, String changedBy,
                                    Instant changedAt, String resolutionSummary) {
    }

    public record NoteAdded(String chatId, NoteView note) {
    }

    public record ChatClosed(String chatId, String closedBy, Instant closedAt, String resolutionSummary) {
    }

    /** {@code changes}: only the fields the edit changed, by their API names ({@code tags} as the whole new list). */
    public record ChatUpdated(String chatId, Map<String, Object> changes, String changedBy, Instant changedAt) {
    }

    public record ChatRated(String chatId, int score, String comment, String ratedBy, Instant ratedAt) {
    }

    public record MessagesRead(String chatId, String readerId, String readerType, long upToSeq, Instant readAt) {
    }

    public record MessagesDelivered(String chatId, String recipientId, String recipientType, long upToSeq,
                                    Instant deliveredAt) {
    }

    public record UserTyping(String chatId, String userId, String userName, String role, boolean isTyping) {
    }

    public record Presence(String userId, String role, boolean online, Instant lastSeen) {
    }

    public record AgentAvailability(String agentId, String availability, Instant changedAt) {
    }

    /**
     * {@code resync}: broadcasts between nodes failed from {@code since}; the client re-joins each chat it shows
     * with {@code afterSeq} (the last seq it has) and re-reads its inbox, and so misses nothing.
     */
    public record Resync(String reason, Instant since) {
    }

    public record ForceLogout(String reason) {
    }
}
