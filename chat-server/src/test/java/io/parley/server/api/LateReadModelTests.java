package io.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.query.config.QuerySideConfig;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A write that was stored is answered as stored even when the read models lag past the read-your-writes wait. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chat.read-your-writes-timeout=200ms")
abstract class LateReadModelTests {
    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void writesAreAnsweredFromTheirEventsWhileTheReadModelsAreStopped() {
        Api api = new Api(port);
        String admin = api.post("/api/auth/login", null,
                Map.of("email", "admin@parley.test", "password", "admin-password-1")).data().path("token").asText();
        StreamingEventProcessor readModels = processing.eventProcessor(QuerySideConfig.READ_MODELS,
                StreamingEventProcessor.class).orElseThrow();
        readModels.shutDown();
        try {
            Response started = api.post("/api/chats/guest", null, Map.of("name", "Gus", "email", "gus@example.com",
                    "message", "My parcel is late", "category", "shipping"));
            assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
            JsonNode chat = started.data().path("chat");
            String chatId = chat.path("id").asText();
            assertThat(chat.path("ticketNumber").asText()).matches("TKT-\\d{4}-\\d{6}");
            assertThat(chat.path("status").asText()).isEqualTo("open");
            assertThat(chat.path("subject").asText()).isEqualTo("My parcel is late");
            assertThat(chat.path("category").asText()).isEqualTo("shipping");
            assertThat(chat.path("customer").path("name").asText()).isEqualTo("Gus");
            assertThat(chat.path("customer").path("type").asText()).isEqualTo("guest");
            assertThat(chat.path("lastMessage").path("content").asText()).isEqualTo("My parcel is late");
            assertThat(started.data().path("messages").findValuesAsText("content"))
                    .containsExactly("My parcel is late");
            assertThat(started.data().path("guestToken").asText()).isNotBlank();

            Response assigned = api.post("/api/chats/" + chatId + "/assign", admin, Map.of());
            assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
            assertThat(assigned.data().path("status").asText()).isEqualTo("in_progress");
            assertThat(assigned.data().path("assignedAgent").path("name").asText()).isNotBlank();

            Response resolved = api.post("/api/chats/" + chatId + "/status", admin,
                    Map.of("status", "resolved", "resolutionSummary", "Parcel found"));
            assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
            assertThat(resolved.data().path("status").asText()).isEqualTo("resolved");
            assertThat(resolved.data().path("resolutionSummary").asText()).isEqualTo("Parcel found");
            assertThat(resolved.data().path("resolvedAt").asText()).isNotBlank();

            Response read = api.post("/api/chats/" + chatId + "/read", admin, Map.of());
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.data().path("chatId").asText()).isEqualTo(chatId);

            Response closed = api.post("/api/chats/" + chatId + "/close", admin, Map.of());
            assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
            assertThat(closed.data().path("status").asText()).isEqualTo("closed");
            assertThat(closed.data().path("closedAt").asText()).isNotBlank();
        } finally {
            // Other tests may share this context: its projections must run again whatever happened here.
            readModels.start();
        }
    }
}
