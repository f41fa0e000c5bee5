package io.parley.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.support.Api.Response;
import io.parley.server.support.Download;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private notes as the people of a chat see them: staff read and hear of them, auditors read them, and a
 * customer or guest never meets one by any path (history, joinChat's missed, pushes, unread counts, inbox
 * previews, transcripts). "Never arrives" is shown by ordering, not by waiting: pushes of one chat leave in
 * commit order, so once the customer has the message sent after the note, the note would have come first.
 */
abstract class NotesTests extends RealtimeTestBase {
    static final String API_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Test
    void aCustomerNeverSeesANoteByAnyPathWhileStaffHearOfIt() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        Person bob = staff("Bob", "agent");
        TestSocket carlaSocket = socket(carla, WEBSOCKET);
        TestSocket aliceSocket = socket(alice, WEBSOCKET);
        TestSocket bobSocket = socket(bob, POLLING);
        String chatId = startChat(carla, "My parcel is late");
        post("/api/chats/" + chatId + "/assign", alice, null);
        join(carlaSocket, chatId);
        join(aliceSocket, chatId);
        long unreadBefore = unreadTotal(carla);
        long lastSeqBefore = lastSeq(carla, chatId);

        String secret = "SECRET-" + UUID.randomUUID();
        Response added = api.post("/api/chats/" + chatId + "/notes", alice.token(),
                Map.of("content", secret + " customer sounds upset"));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        JsonNode note = added.data();
        assertThat(note.path("id").asText()).isNotBlank();
        assertThat(note.path("chatId").asText()).isEqualTo(chatId);
        assertThat(note.path("authorId").asText()).isEqualTo(alice.id());
        assertThat(note.path("authorName").asText()).isEqualTo("Alice");
        assertThat(note.path("content").asText()).isEqualTo(secret + " customer sounds upset");
        assertThat(note.path("createdAt").asText()).matches(API_TIME);

        // Staff hear of it, in the chat room or not; the chat's pushes to the customer go on without it.
        JsonNode heard = aliceSocket.await("noteAdded", n -> n.path("chatId").asText().equals(chatId));
        assertThat(heard.path("note").path("id").asText()).isEqualTo(note.path("id").asText());
        assertThat(heard.path("note").path("content").asText()).startsWith(secret);
        bobSocket.await("noteAdded", n -> n.path("note").path("id").asText().equals(note.path("id").asText()));
        post("/api/chats/" + chatId + "/messages", alice, Map.of("content", "Let me check your parcel"));
        carlaSocket.await("newMessage", m -> m.path("content").asText().equals("Let me check your parcel"));
        carlaSocket.await("inboxUpdate", u -> u.path("lastMessage").path("content").asText()
                .equals("Let me check your parcel"));
        assertThat(carlaSocket.names()).doesNotContain("noteAdded");
        assertThat(carlaSocket.log().toString()).doesNotContain(secret);

        // REST: history, the chat, the inbox row and the badge show the message, never the note.
        List<JsonNode> history = list(api.get("/api/chats/" + chatId + "/messages?limit=200", carla.token()));
        assertThat(history.toString()).doesNotContain(secret);
        assertThat(history.get(history.size() - 1).path("seq").asLong())
                .as("the note took no seq").isEqualTo(lastSeqBefore + 1);
        JsonNode chat = api.get("/api/chats/" + chatId, carla.token()).data();
        assertThat(chat.toString()).doesNotContain(secret);
        assertThat(chat.path("lastMessage").path("content").asText()).isEqualTo("Let me check your parcel");
        assertThat(unreadTotal(carla)).as("only the message counts").isEqualTo(unreadBefore + 1);
        JsonNode after = mine(carla, chatId);
        assertThat(after.toString()).doesNotContain(secret);
        assertThat(after.path("lastMessage").path("content").asText()).isEqualTo("Let me check your parcel");

        // A reconnecting customer gets what it missed: messages only.
        TestSocket carlaAgain = socket(carla, POLLING);
        JsonNode missed = join(carlaAgain, chatId).path("missed");
        assertThat(missed.toString()).doesNotContain(secret);
        assertThat(missed).hasSize((int) lastSeqBefore + 1);

        // The notes endpoints and a transcript with notes are refused to the customer.
        assertThat(api.get("/api/chats/" + chatId + "/notes", carla.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/chats/" + chatId + "/notes", carla.token(), Map.of("content", "x"))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/chats/" + chatId + "/transcript?format=json&includeNotes=true", carla.token())
                .errorCode()).isEqualTo("FORBIDDEN");
        for (String format : List.of("json", "csv", "txt")) {
            HttpResponse<String> transcript = Download.get(httpPort,
                    "/api/chats/" + chatId + "/transcript?format=" + format, carla.token());
            assertThat(transcript.statusCode()).isEqualTo(200);
            assertThat(transcript.body()).contains("Let me check your parcel").doesNotContain(secret);
        }
    }

    @Test
    void aNoteDoesNotMoveTheChatAsTheCustomerSeesIt() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Where is my refund?");
        post("/api/chats/" + chatId + "/assign", alice, null);
        JsonNode before = mine(carla, chatId);
        long unreadBefore = unreadTotal(carla);

        post("/api/chats/" + chatId + "/notes", alice, Map.of("content", "refund approved by finance"));
        // Reading the notes waits until the read models hold the note: the reads below cannot come too early.
        assertThat(list(api.get("/api/chats/" + chatId + "/notes", alice.token()))).hasSize(1);

        JsonNode after = mine(carla, chatId);
        assertThat(after.path("updatedAt").asText()).isEqualTo(before.path("updatedAt").asText());
        assertThat(after.path("lastMessage")).isEqualTo(before.path("lastMessage"));
        assertThat(after.path("unreadCount").asLong()).isEqualTo(before.path("unreadCount").asLong());
        assertThat(unreadTotal(carla)).isEqualTo(unreadBefore);
        // The read models still equal a fresh fold of the chat's events, which skips notes the same way.
        JsonNode check = api.get("/api/admin/chats/" + chatId + "/check", admin).data();
        assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
    }

    @Test
    void aGuestCannotReadOrWriteNotes() {
        GuestStart gus = guest("Gus", "Hello");
        Person alice = staff("Alice", "agent");
        post("/api/chats/" + gus.chatId() + "/notes", alice, Map.of("content", "guest from the landing page"));
        Response read = api.get("/api/chats/" + gus.chatId() + "/notes", gus.guest().token());
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/chats/" + gus.chatId() + "/notes", gus.guest().token(), Map.of("content", "x"))
                .status()).isEqualTo(403);
        List<JsonNode> history = list(api.get("/api/chats/" + gus.chatId() + "/messages", gus.guest().token()));
        assertThat(history.toString()).doesNotContain("landing page");
    }

    @Test
    void staffAndAuditorsReadEveryNoteOldestFirstAndOnlyStaffWriteThem() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        Person bob = staff("Bob", "agent");
        Person auditor = staff("Audrey", "auditor");
        String chatId = startChat(carla, "Hi");
        post("/api/chats/" + chatId + "/assign", alice, null);
        post("/api/chats/" + chatId + "/notes", alice, Map.of("content", "first"));
        // Any agent may leave a note, holder or not: notes are how colleagues talk about a chat.
        post("/api/chats/" + chatId + "/notes", bob, Map.of("content", "=second, from Bob"));

        for (Person reader : List.of(alice, bob, auditor)) {
            Response r = api.get("/api/chats/" + chatId + "/notes", reader.token());
            assertThat(r.status()).as(reader.role() + " " + r.body()).isEqualTo(200);
            List<JsonNode> notes = list(r);
            assertThat(notes).extracting(n -> n.path("content").asText()).containsExactly("first", "=second, from Bob");
            assertThat(notes.get(1).path("authorId").asText()).isEqualTo(bob.id());
        }
        Response byAdmin = api.get("/api/chats/" + chatId + "/notes", admin);
        assertThat(list(byAdmin)).hasSize(2);
        assertThat(api.post("/api/chats/" + chatId + "/notes", auditor.token(), Map.of("content", "x")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/chats/no-such-chat/notes", alice.token()).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.post("/api/chats/no-such-chat/notes", alice.token(), Map.of("content", "x")).errorCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aNoteIsValidatedAtTheEdge() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hi");
        String path = "/api/chats/" + chatId + "/notes";
        for (String body : List.of("{}", "{\"content\":\"   \"}", "{\"content\":42}", "{\"content\":null}",
                "{\"content\":\"a\\u0000b\"}", "{\"content\":\"\\ud800\"}", "{\"content\":[\"x\"]}", "not json",
                "{\"content\":\"" + "x".repeat(4001) + "\"}")) {
            Response r = api.postRaw(path, alice.token(), body);
            assertThat(r.status()).as(body.length() > 40 ? "too long" : body).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(list(api.get(path, alice.token()))).isEmpty();
    }

    @Test
    void aNoteIsInTheAuditTrailWithItsAuthor() {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hi");
        post("/api/chats/" + chatId + "/notes", alice, Map.of("content", "checked the logs"));

        JsonNode events = api.get("/api/audit/chats/" + chatId + "/events", admin).data();
        JsonNode noted = null;
        for (JsonNode event : events) if (event.path("type").asText().equals("NoteAdded")) noted = event;
        assertThat(noted).as(events.toString()).isNotNull();
        assertThat(noted.path("actor").path("id").asText()).isEqualTo(alice.id());
        assertThat(noted.path("actor").path("role").asText()).isEqualTo("agent");
        assertThat(noted.path("actor").path("name").asText()).isEqualTo("Alice");
        assertThat(noted.path("payload").path("content").asText()).isEqualTo("checked the logs");
        assertThat(api.get("/api/audit/chats/" + chatId + "/verify", admin).data().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void rebuildingAReadModelKeepsEveryNoteExactlyOnce() throws InterruptedException {
        Person carla = customer("Carla");
        Person alice = staff("Alice", "agent");
        String chatId = startChat(carla, "Hi");
        post("/api/chats/" + chatId + "/notes", alice, Map.of("content", "one"));
        post("/api/chats/" + chatId + "/notes", alice, Map.of("content", "two"));
        JsonNode before = api.get("/api/chats/" + chatId + "/notes", alice.token()).data();
        assertThat(before).hasSize(2);

        // The history's rebuild replays the note events past the notes model, which must skip what it has;
        // the notes' own rebuild empties the model and brings every note back.
        for (String model : List.of("history", "notes")) {
            assertThat(api.post("/api/admin/projections/" + model + "/replay", admin, null).status())
                    .isEqualTo(202);
            awaitLive(model);
            assertThat(api.get("/api/chats/" + chatId + "/notes", alice.token()).data()).as(model)
                    .isEqualTo(before);
        }
    }

    /** Until the admin API shows the read model live and caught up again (at most 60 s). */
    private void awaitLive(String model) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode p : api.get("/api/admin/projections", admin).data()) {
                if (p.path("name").asText().equals(model) && p.path("status").asText().equals("live")
                        && p.path("lag").asLong(-1) == 0) return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(model + " did not catch up within 60 s");
    }

    private JsonNode mine(Person customer, String chatId) {
        for (JsonNode chat : list(api.get("/api/chats/mine?limit=100", customer.token()))) {
            if (chat.path("id").asText().equals(chatId)) return chat;
        }
        throw new AssertionError("chat " + chatId + " is not among the customer's chats");
    }

    private long unreadTotal(Person who) {
        Response r = api.get("/api/chats/unread-count", who.token());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().path("total").asLong();
    }

    private long lastSeq(Person who, String chatId) {
        List<JsonNode> messages = list(api.get("/api/chats/" + chatId + "/messages?limit=200", who.token()));
        return messages.get(messages.size() - 1).path("seq").asLong();
    }

    private static List<JsonNode> list(Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.data().forEach(items::add);
        return items;
    }
}
