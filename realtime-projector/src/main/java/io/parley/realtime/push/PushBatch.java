package io.parley.realtime.push;

import io.parley.realtime.broadcast.Wire;
import io.parley.shared.command.ChatState;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.query.MessageView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one command has to push once it commits: per chat, in event order, and what it changed. */
final class PushBatch {
    private final Map<String, ChatPushes> chats = new LinkedHashMap<>();
    private final List<Wire.AgentAvailability> availability = new ArrayList<>();

    ChatPushes chat(String chatId) {
        return chats.computeIfAbsent(chatId, ChatPushes::new);
    }

    void availability(Wire.AgentAvailability change) {
        availability.add(change);
    }

    Collection<ChatPushes> chats() {
        return chats.values();
    }

    List<Wire.AgentAvailability> availability() {
        return availability;
    }

    /** Who receives a direct push: the chat's room, the room and {@code agents}, or {@code agents} alone. */
    enum Audience { CHAT, CHAT_AND_AGENTS, AGENTS }

    /** One server → client event built straight from an event; {@code seq} is set for newMessage only. */
    record Push(String event, Audience audience, Object payload, long seq) {
    }

    /**
     * One chat's part of the batch. {@code state}: the chat as the command left it (null when the command's
     * result did not carry it); {@code lastMessage}: the batch's last message, if it has one.
     */
    static final class ChatPushes {
        final String chatId;
        ChatStartedEvent started;
        boolean inboxChanged;
        boolean wasUnassigned;
        ChatState state;
        MessageView lastMessage;
        final Set<String> formerAgents = new LinkedHashSet<>();
        final List<MessageView> messages = new ArrayList<>();
        final List<Push> pushes = new ArrayList<>();

        ChatPushes(String chatId) {
            this.chatId = chatId;
        }

        void add(String event, Audience audience, Object payload) {
            pushes.add(new Push(event, audience, payload, 0));
        }
    }
}
