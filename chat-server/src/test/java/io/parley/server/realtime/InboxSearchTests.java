package io.parley.server.realtime;

import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff inbox's {@code q} as staff meet it over REST: what was said in a chat finds it, a private note never
 * does, a piece of the customer's email does, and a rebuilt inbox finds the same chats (docs/staff.md).
 */
abstract class InboxSearchTests extends RealtimeTestBase {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWordOnlyInAMessageFindsItsChatAndCountsIt() {
        Person gus = staff("Gus", "agent");
        String word = uniqueWord("okapi");
        String chatId = startChat(customer("Carla"), "Where is my parcel?");
        post("/api/chats/" + chatId + "/messages", gus, Map.of("content", "The " + word + " depot has it"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(idsOf(search(gus, word))).containsExactly(chatId));
        Response found = search(gus, word.toUpperCase());
        assertThat(idsOf(found)).containsExactly(chatId);
        assertThat(found.body().path("pagination").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aWordOnlyInAPrivateNoteFindsNothing() {
        Person gus = staff("Gus", "agent");
        String said = uniqueWord("heron");
        String noted = uniqueWord("secret");
        String chatId = startChat(customer("Dana"), "The " + said + " app crashes");
        post("/api/chats/" + chatId + "/notes", gus, Map.of("content", "Customer is " + noted));

        // The note and the inbox are written by the same batches: once the note is listed, the inbox has seen it.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/api/chats/" + chatId + "/notes",
                gus.token()).data().toString()).contains(noted));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(idsOf(search(gus, said))).containsExactly(chatId));
        assertThat(idsOf(search(gus, noted))).isEmpty();
        assertThat(search(gus, noted).body().path("pagination").path("total").asLong()).isZero();
    }

    @Test
    void aFragmentOfTheCustomersEmailFindsTheChat() {
        Person gus = staff("Gus", "agent");
        Person erin = customer("Erin");
        String chatId = startChat(erin, "Hello");
        // erin-<uuid>@example.com: a piece from the middle of the address, across the dash, not a word of it.
        String fragment = erin.email().substring(3, 12).toUpperCase();

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(idsOf(search(gus, fragment))).containsExactly(chatId));
    }

    @Test
    void aRebuiltInboxStillFindsAChatByWhatWasSaid() {
        Person gus = staff("Gus", "agent");
        String word = uniqueWord("ibis");
        String chatId = startChat(customer("Fred"), "My " + word + " order is late");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(idsOf(search(gus, word))).containsExactly(chatId));
        // Lose the chat's search document behind the projection's back: only a rebuild from the events restores it.
        jdbc.update("UPDATE inbox_chat SET message_words = NULL WHERE chat_id = ?", chatId);
        assertThat(idsOf(search(gus, word))).isEmpty();

        assertThat(api.post("/api/admin/projections/inbox/replay", admin, null).status()).isEqualTo(202);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(idsOf(search(gus, word))).containsExactly(chatId));
    }

    private Response search(Person viewer, String q) {
        return api.get("/api/chats?limit=100&q=" + q, viewer.token());
    }

    /** A word no other test says: letters only, so that every database splits it as one word. */
    private static String uniqueWord(String stem) {
        return stem + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
    }

    private static List<String> idsOf(Response r) {
        return StaffLifecycleTests.idsOf(r);
    }
}
