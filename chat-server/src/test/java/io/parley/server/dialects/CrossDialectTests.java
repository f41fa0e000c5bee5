package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No dialect keeps data of its own: a message sent through seed 003's {@code send_message} is the one stored
 * message that seed 001's {@code message:new} and Parley's own {@code newMessage} show, with one seq, and a reply
 * through seed 001 comes back to seed 003.
 */
abstract class CrossDialectTests extends RealtimeTestBase {

    TestSocket at(String namespace, Person who) {
        return track(TestSocket.openAt(who.name() + namespace, socketServer.port(), namespace, who.token(), WEBSOCKET))
                .connected();
    }

    @Test
    void aMessageSentThroughOneDialectIsTheSameMessageInEveryOtherAndInParleysOwnProtocol() {
        Person jane = customer("Jane");
        Person agent = staff("Sam", "agent");
        Response started = api.post("/compat/mydeeptech/api/chat/start", jane.token(), Map.of("message", "Hello"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String chatId = started.body().path("data").path("ticketId").asText();
        post("/api/chats/" + chatId + "/assign", agent, Map.of());

        TestSocket mydeeptech = at("/mydeeptech", jane);
        assertThat(mydeeptech.call("join_chat_room", Map.of("ticketId", chatId)).path("success").asBoolean()).isTrue();
        TestSocket agri = at("/agri", agent);
        assertThat(agri.call("conversation:join", Map.of("conversationId", chatId)).path("success").asBoolean())
                .isTrue();
        TestSocket parley = socket(agent, WEBSOCKET);
        join(parley, chatId);

        mydeeptech.emit("send_message", Map.of("ticketId", chatId, "message", "One message, three protocols"));
        JsonNode own = parley.await("newMessage", m -> m.path("content").asText().equals("One message, three protocols"));
        JsonNode inAgri = agri.await("message:new", m -> m.path("_id").asText().equals(own.path("id").asText()));
        JsonNode in003 = mydeeptech.await("new_message", m -> m.path("messageId").asText().equals(own.path("id").asText()));
        assertThat(inAgri.path("seq").asLong()).isEqualTo(own.path("seq").asLong());
        assertThat(in003.path("seq").asLong()).isEqualTo(own.path("seq").asLong());
        assertThat(inAgri.path("content").asText()).isEqualTo("One message, three protocols");
        assertThat(mydeeptech.await("message_sent").path("messageId").asText()).isEqualTo(own.path("id").asText());

        agri.emit("message:send", Map.of("conversationId", chatId, "messageType", "text", "content", "Answered"));
        JsonNode reply = mydeeptech.await("new_message", m -> m.path("message").asText().equals("Answered"));
        assertThat(reply.path("isAdminReply").asBoolean()).isTrue();
        assertThat(reply.path("seq").asLong()).isEqualTo(own.path("seq").asLong() + 1);
        assertThat(parley.await("newMessage", m -> m.path("content").asText().equals("Answered")).path("id").asText())
                .isEqualTo(reply.path("messageId").asText());

        Response history = api.get("/api/chats/" + chatId + "/messages", jane.token());
        assertThat(history.data().findValuesAsText("content")).containsSubsequence("Hello",
                "One message, three protocols", "Answered");
    }
}
