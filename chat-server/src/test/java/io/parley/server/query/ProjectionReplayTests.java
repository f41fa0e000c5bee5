package io.parley.server.query;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.Actor;
import io.parley.shared.ChatStatus;
import io.parley.shared.Priority;
import io.parley.shared.error.ErrorCode;
import io.parley.shared.query.ChatPage;
import io.parley.shared.query.ChatView;
import io.parley.shared.query.MessageView;
import io.parley.shared.query.UnreadCountsView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models are disposable: reset and replayed from the event store, they answer exactly as before. */
abstract class ProjectionReplayTests extends QueryScenario {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void resetProjectionsRebuildTheSameAnswers() {
        String category = unique("replay");
        Actor carla = customer("Carla");
        Actor alice = agent("Alice");
        String chatId = start(carla, "Broken login", category, Priority.URGENT, "I cannot log in").chatId();
        assign(chatId, alice);
        send(chatId, alice, "Let me check");
        markRead(chatId, carla, null);
        // A replay rebuilds each attachment's metadata from the event.
        send(chatId, carla, "Thanks", List.of(uploaded(carla, "receipt.pdf", "application/pdf", 99)), "client-1");
        changeStatus(chatId, alice, ChatStatus.RESOLVED, "Password reset");
        long version = send(chatId, carla, "It happened again").version();

        Snapshot before = snapshot(chatId, carla, alice, category, version);
        StreamingEventProcessor readModels = processor(QuerySideConfig.READ_MODELS);
        try {
            readModels.shutDown();
            readModels.resetTokens(ReadModelReset.all());
            // The reset emptied the read models: until replayed, the chat is unknown to them.
            assertRejected(() -> chat(chatId, alice, 0), ErrorCode.NOT_FOUND);
        } finally {
            // Other tests share this context: its projections must run again whatever happened here.
            readModels.start();
        }
        Snapshot after = snapshot(chatId, carla, alice, category, version);

        assertThat(after).isEqualTo(before);
        assertThat(before.seenByAgent().status()).isEqualTo("in_progress");
        assertThat(before.history()).hasSize(8);
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no streaming processor " + group));
    }

    /** Everything a user could see of the chat, read once all read models reflect {@code version}. */
    private Snapshot snapshot(String chatId, Actor customer, Actor agent, String category, long version) {
        ChatView seenByCustomer = chat(chatId, customer, version);
        return new Snapshot(seenByCustomer, chat(chatId, agent, version),
                messages(chatId, agent, null, null, 200, version), unreadCounts(customer), unreadCounts(agent),
                inboxOfCategory(agent, category));
    }

    private record Snapshot(ChatView seenByCustomer, ChatView seenByAgent, List<MessageView> history,
                            UnreadCountsView customerUnread, UnreadCountsView agentUnread, ChatPage inbox) {
    }
}
