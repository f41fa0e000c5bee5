package io.parley.query.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.shared.event.AgentAssignedEvent;
import io.parley.shared.event.ChatClosedEvent;
import io.parley.shared.event.ChatStartedEvent;
import io.parley.shared.event.ChatStatusChangedEvent;
import io.parley.shared.event.MessageSentEvent;
import io.parley.shared.event.MessagesDeliveredEvent;
import io.parley.shared.event.MessagesReadEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The newest version of each recently changed chat that this node committed. Writes answer from their events
 * without waiting for the read models; a read of the same chat through this node then waits until the read
 * models reflect that version, so a client that got its answer sees its write in what it reads next. A
 * subscribing processor ({@link #GROUP}): it sees only this node's commits and never replays.
 */
@Component
@ProcessingGroup(CommittedVersions.GROUP)
public class CommittedVersions {
    public static final String GROUP = "committed-versions";
    static final int MAX_CHATS = 100_000;

    private final Cache<String, Long> versions = Caffeine.newBuilder().maximumSize(MAX_CHATS).build();

    /** The version a read of the chat should wait for; 0 when this node has not changed it lately. */
    public long of(String chatId) {
        Long version = versions.getIfPresent(chatId);
        return version == null ? 0 : version;
    }

    private void committed(String chatId, long version) {
        versions.asMap().merge(chatId, version, Math::max);
    }

    @EventHandler
    void on(ChatStartedEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(MessageSentEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(AgentAssignedEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(ChatStatusChangedEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(ChatClosedEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(MessagesReadEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }

    @EventHandler
    void on(MessagesDeliveredEvent event, @SequenceNumber long version) {
        committed(event.chatId(), version);
    }
}
