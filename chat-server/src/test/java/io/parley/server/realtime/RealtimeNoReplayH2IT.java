package io.parley.server.realtime;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ReadModelReset;
import io.parley.server.support.H2Database;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector never replays: resetting the read models rebuilds them, and clients hear nothing old. */
@H2Database
class RealtimeNoReplayH2IT extends RealtimeTestBase {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theRealtimeProjectorIsSubscribingSoItHasNoTokenToReplayFrom() {
        assertThat(processing.eventProcessor("realtime")).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor("realtime", StreamingEventProcessor.class)).isEmpty();
    }

    @Test
    void aProjectionResetSendsNothingOldToClients() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "History");
        post("/api/chats/" + chatId + "/assign", alice, null);
        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "old news"));
        TestSocket agent = socket(alice, WEBSOCKET);
        TestSocket customer = socket(carla, POLLING);
        join(agent, chatId);
        join(customer, chatId);
        int agentBefore = agent.log().size();
        int customerBefore = customer.log().size();

        StreamingEventProcessor readModels = processing.eventProcessor(QuerySideConfig.READ_MODELS,
                StreamingEventProcessor.class).orElseThrow();
        try {
            readModels.shutDown();
            readModels.resetTokens(ReadModelReset.all());
        } finally {
            readModels.start();
        }
        // The replay is done once the rebuilt read model answers with the whole history again.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (api.get("/api/chats/" + chatId + "/messages", carla.token()).data().size() < 4
                && System.nanoTime() < deadline) {
            TestSocket.sleep(50);
        }
        agent.assertNo("newMessage", m -> true, Duration.ofMillis(800));
        assertThat(agent.log()).hasSize(agentBefore);
        assertThat(customer.log()).hasSize(customerBefore);

        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "new news"));
        customer.await("newMessage", m -> m.path("content").asText().equals("new news"));
        assertThat(customer.all("newMessage")).hasSize(1);
    }
}
