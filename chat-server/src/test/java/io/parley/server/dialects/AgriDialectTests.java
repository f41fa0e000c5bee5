package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.media.MediaClient;
import io.parley.server.media.MediaFiles;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001 (the support-agent app) run through its documented flows: the support dashboard (REST under
 * /compat/agri, socket on /agri with {@code auth: {token}}) and the customer's app, beside the customer on
 * Parley's own protocol in the same conversation.
 */
abstract class AgriDialectTests extends RealtimeTestBase {
    static final String NS = "/agri";
    static final String BASE = "/compat/agri/api/v1/chat";

    TestSocket agri(Person who) {
        return track(TestSocket.openAt(who.name() + NS, socketServer.port(), NS, who.token(), WEBSOCKET)).connected();
    }

    @Test
    void theSupportAppAndTheCustomerAppRunTheSeedsFlowsBesideParleysOwnProtocol() {
        Person rajesh = customer("Rajesh");
        Person support = staff("Support", "agent");
        String conversationId = startChat(rajesh, "I need help with my crops");
        post("/api/chats/" + conversationId + "/assign", support, Map.of());

        // FLOW 1: dashboard load; the customer comes online
        TestSocket dashboard = agri(support);
        TestSocket app = agri(rajesh);
        assertThat(dashboard.await("user:online", o -> o.path("userId").asText().equals(rajesh.id()))).isNotNull();
        Response list = api.get(BASE + "/conversations", support.token());
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        JsonNode conversation = find(list.body().path("data"), conversationId);
        assertThat(conversation.path("user").path("name").asText()).isEqualTo("Rajesh");
        assertThat(conversation.path("assignedSupportId").asText()).isEqualTo(support.id());
        assertThat(conversation.path("lastMessage").path("content").asText()).isNotBlank();
        assertThat(list.body().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(1);

        // FLOW 2: open the conversation: details, history, join, mark all read
        Response details = api.get(BASE + "/conversations/" + conversationId, support.token());
        assertThat(details.body().path("data").path("_id").asText()).isEqualTo(conversationId);
        Response history = api.get(BASE + "/messages/" + conversationId, support.token());
        assertThat(history.body().path("data").findValuesAsText("content")).contains("I need help with my crops");
        assertThat(history.body().path("data").get(0).path("messageType").asText()).isEqualTo("text");
        app.emit("conversation:join", Map.of("conversationId", conversationId));
        app.await("conversation:joined");
        TestSocket parley = socket(rajesh, WEBSOCKET);
        join(parley, conversationId);
        dashboard.emit("conversation:join", Map.of("conversationId", conversationId));
        assertThat(dashboard.await("conversation:joined").path("conversationId").asText()).isEqualTo(conversationId);
        dashboard.emit("conversation:mark-all-read", Map.of("conversationId", conversationId));
        JsonNode read = app.await("message:read", r -> r.path("readerId").asText().equals(support.id()));
        assertThat(read.path("upToSeq").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(parley.await("messagesRead", r -> r.path("readerId").asText().equals(support.id()))
                .path("upToSeq").asLong()).isEqualTo(read.path("upToSeq").asLong());

        // FLOW 3: support types and sends
        dashboard.emit("typing:start", Map.of("conversationId", conversationId));
        JsonNode typing = app.await("typing:user-typing", t -> t.path("isTyping").asBoolean());
        assertThat(typing.path("userName").asText()).isEqualTo("Support");
        dashboard.emit("typing:stop", Map.of("conversationId", conversationId));
        app.await("typing:user-typing", t -> !t.path("isTyping").asBoolean());
        TestSocket appInBackground = agri(rajesh);
        dashboard.emit("message:send", Map.of("conversationId", conversationId, "messageType", "text",
                "content", "How can I help you?"));
        JsonNode sent = dashboard.await("message:sent");
        JsonNode arrived = app.await("message:new", m -> m.path("content").asText().equals("How can I help you?"));
        assertThat(arrived.path("_id").asText()).isEqualTo(sent.path("_id").asText());
        assertThat(arrived.path("senderId").asText()).isEqualTo(support.id());
        assertThat(arrived.path("isRead").asBoolean()).isFalse();
        assertThat(parley.await("newMessage", m -> m.path("id").asText().equals(sent.path("_id").asText()))
                .path("seq").asLong()).isEqualTo(arrived.path("seq").asLong());
        JsonNode notified = appInBackground.await("notification:new-message");
        assertThat(notified.path("message").path("_id").asText()).isEqualTo(sent.path("_id").asText());
        app.assertNo("notification:new-message", n -> true, Duration.ofMillis(200));

        // FLOW 4: media, uploaded first, then sent by id
        MediaClient.Upload photo = new MediaClient(httpPort).uploadTo(BASE + "/media", support.token(),
                "crop_issue.png", "image/png", MediaFiles.png(40, 40));
        assertThat(photo.status()).as(photo.body().toString()).isEqualTo(201);
        JsonNode uploaded = photo.body().path("data").get(0);
        assertThat(uploaded.path("type").asText()).isEqualTo("image");
        assertThat(uploaded.path("format").asText()).isEqualTo("image/png");
        String mediaId = uploaded.path("_id").asText();
        dashboard.emit("message:send", Map.of("conversationId", conversationId, "messageType", "image",
                "mediaId", mediaId));
        JsonNode image = app.await("message:new", m -> m.path("messageType").asText().equals("image"));
        assertThat(image.path("mediaId").path("_id").asText()).isEqualTo(mediaId);
        assertThat(image.path("mediaId").path("url").asText()).isEqualTo("/api/media/" + mediaId);

        // FLOW 5: the customer writes; support in the room sees it, then, having left, is notified instead
        app.emit("message:send", Map.of("conversationId", conversationId, "messageType", "text",
                "content", "Can you help me with fertilizer?"));
        assertThat(dashboard.await("message:new", m -> m.path("content").asText()
                .equals("Can you help me with fertilizer?")).path("senderName").asText()).isEqualTo("Rajesh");
        dashboard.emit("conversation:leave", Map.of("conversationId", conversationId));
        assertThat(dashboard.call("conversation:leave", Map.of("conversationId", conversationId))
                .path("success").asBoolean()).isTrue();
        app.emit("message:send", Map.of("conversationId", conversationId, "content", "Are you there?"));
        JsonNode away = dashboard.await("notification:new-message", n -> n.path("message").path("content").asText()
                .equals("Are you there?"));
        assertThat(away.path("senderName").asText()).isEqualTo("Rajesh");
        dashboard.assertNo("message:new", m -> m.path("content").asText().equals("Are you there?"),
                Duration.ofMillis(200));

        // FLOW 6/7: the customer closes the app
        app.disconnect();
        appInBackground.disconnect();
        JsonNode offline = dashboard.await("user:offline", o -> o.path("userId").asText().equals(rajesh.id()));
        assertThat(offline.path("lastSeen").asText()).isNotBlank();
    }

    @Test
    void aBadTokenAndAnotherCustomersConversationAreRefused() {
        TestSocket bad = track(TestSocket.openAt("bad" + NS, socketServer.port(), NS, "forged", WEBSOCKET));
        assertThat(bad.connectError().toString()).contains("AUTH_FAILED");
        Response anonymous = api.get(BASE + "/conversations", "forged");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("success").asBoolean()).isFalse();

        Person owner = customer("Priya");
        Person other = customer("Mallory");
        String conversationId = startChat(owner, "private matter");
        TestSocket intruder = agri(other);
        JsonNode refused = intruder.call("conversation:join", Map.of("conversationId", conversationId));
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
        intruder.emit("message:send", Map.of("conversationId", conversationId, "content", "hi"));
        assertThat(intruder.await("error").path("code").asText()).isIn("NOT_FOUND", "FORBIDDEN");
        assertThat(intruder.call("conversation:mark-all-read", Map.of("conversationId", conversationId))
                .path("success").asBoolean()).isFalse();
        Response hidden = api.get(BASE + "/conversations/" + conversationId, other.token());
        assertThat(hidden.status()).isEqualTo(404);
        // The seed's own error shape, beside Parley's code.
        assertThat(hidden.body().path("success").asBoolean()).isFalse();
        assertThat(hidden.body().path("message").isTextual()).as(hidden.body().toString()).isTrue();
        assertThat(hidden.body().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.get(BASE + "/messages/" + conversationId, other.token()).status()).isEqualTo(404);
        assertThat(intruder.call("message:send", Map.of("conversationId", conversationId, "messageType", "sticker",
                "content", "x")).path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(intruder.call("chatMessage", Map.of()).path("code").asText()).isEqualTo("UNKNOWN_EVENT");
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.path("_id").asText().equals(id)) return item;
        }
        throw new AssertionError(id + " not in " + list);
    }
}
