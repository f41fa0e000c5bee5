package io.parley.command.conversation;

import io.parley.shared.command.ChatState;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.Role;
import io.parley.shared.Side;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;

import java.time.Instant;
import java.util.List;

/** Shared actors and given-events for the conversation tests. */
final class ConversationFixtures {
    static final String CHAT = "chat-1";
    static final Actor CUSTOMER = new Actor("cust-1", Role.USER, "Carla");
    static final Actor OTHER_CUSTOMER = new Actor("cust-2", Role.USER, "Olga");
    static final Actor GUEST = new Actor("guest-1", Role.GUEST, "Gus");
    static final Actor AGENT = new Actor("agent-1", Role.AGENT, "Alice");
    static final Actor AGENT_2 = new Actor("agent-2", Role.AGENT, "Bob");
    static final Actor ADMIN = new Actor("admin-1", Role.ADMIN, "Ada");
    static final Actor SYSTEM = Actor.system();
    /** Media the customer uploaded (see ConversationTestBase's claims). */
    static final List<String> UPLOADED = List.of("media-1", "media-2");

    private ConversationFixtures() {
    }

    /** The fixture's simulated time, as the aggregate stamps it (milliseconds); set per test. */
    static Instant T = Instant.parse("2026-11-21T10:30:00.000Z");

    static Instant now() {
        return T;
    }

    static ChatStartedEvent started() {
        return new ChatStartedEvent(CHAT, "TKT-2026-000001", CUSTOMER.id(), Role.USER, CUSTOMER.name(),
                "carla@example.com", "Login", "account", Priority.HIGH, now());
    }

    static MessageSentEvent message(long seq, Actor sender, String content, String clientMessageId) {
        return new MessageSentEvent(CHAT, "m-" + seq, seq, sender.id(), sender.role(), sender.name(), content,
                List.of(), clientMessageId, now());
    }

    static MessageSentEvent system(long seq, String text) {
        return new MessageSentEvent(CHAT, SystemMessageIds.of(CHAT, seq), seq, SYSTEM.id(), Role.SYSTEM,
                SYSTEM.name(), text, List.of(), null, now());
    }

    static AgentAssignedEvent assigned(Actor agent, String previous, Actor by) {
        return new AgentAssignedEvent(CHAT, agent.id(), agent.name(), previous, by.id(), by.role(), now());
    }

    static ChatStatusChangedEvent status(ChatStatus to, ChatStatus from, Actor by, String summary) {
        return new ChatStatusChangedEvent(CHAT, to, from, by.id(), by.role(), summary, now());
    }

    /** A chat started by CUSTOMER (seq 1) and taken by AGENT: seq 2 "joined", seq 3 status notice. */
    static Object[] inProgress() {
        return new Object[]{started(), message(1, CUSTOMER, "Hi, I can't log in", "c-1"),
                assigned(AGENT, null, AGENT), system(2, "Alice joined the chat"),
                status(ChatStatus.IN_PROGRESS, ChatStatus.OPEN, AGENT, null),
                system(3, "Status changed from open to in_progress")};
    }

    /** The state a command result carries: CHAT of CUSTOMER with these pointers and holder. */
    static ChatState state(ChatStatus status, Actor holder, long lastSeq, long customerRead, long staffRead,
                           long version) {
        return new ChatState(CHAT, "TKT-2026-000001", CUSTOMER.id(), Role.USER, status,
                holder == null ? null : holder.id(), holder == null ? null : holder.name(), lastSeq, customerRead,
                staffRead, version);
    }

    static Side side(Actor actor) {
        return actor.role().side().orElseThrow();
    }
}
