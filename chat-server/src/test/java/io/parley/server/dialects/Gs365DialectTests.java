package io.parley.server.dialects;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.realtime.RealtimeTestBase;
import io.parley.server.realtime.TestSocket;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000 (GS365) run through its documented flows: the player's chat start, the admin's management calls, the
 * socket's {@code joinChat chatId}, {@code sendMessage {chatId, content, senderId, senderType}}, typing, read
 * receipts and {@code loggedin-user}, beside the player on Parley's own protocol in the same chat.
 */
abstract class Gs365DialectTests extends RealtimeTestBase {
    static final String NS = "/gs365";
    static final String BASE = "/compat/gs365/api";

    TestSocket gs365(Person who) {
        return track(TestSocket.openAt(who.name() + NS, socketServer.port(), NS, who.token(), WEBSOCKET)).connected();
    }

    @Test
    void thePlayerAndTheAdminRunTheSeedsFlowsBesideParleysOwnProtocol() {
        Person player = customer("John123");
        Person admin = staff("Ada", "agent");
        TestSocket adminSocket = gs365(admin);

        Response created = api.post(BASE + "/chats/user", player.token(), Map.of("userId", player.id(),
                "subject", "Help needed", "initialMessage", "My deposit is missing"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String chatId = created.body().path("data").path("chatId").asText();
        assertThat(created.body().path("data").path("status").asText()).isEqualTo("open");
        JsonNode newChat = adminSocket.await("newChat", c -> c.path("chatId").asText().equals(chatId));
        assertThat(newChat.path("userId").asText()).isEqualTo(player.id());
        assertThat(newChat.path("subject").asText()).isEqualTo("Help needed");

        TestSocket playerSocket = gs365(player);
        assertThat(playerSocket.call("joinChat", (Object) chatId).path("success").asBoolean()).isTrue();
        TestSocket parley = socket(player, WEBSOCKET);
        join(parley, chatId);

        Response assigned = api.post(BASE + "/chats/" + chatId + "/assign", admin.token(), Map.of("adminId", admin.id()));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);
        assertThat(assigned.body().path("data").path("status").asText()).isEqualTo("in_progress");
        JsonNode chatAssigned = playerSocket.await("chatAssigned", a -> a.path("chatId").asText().equals(chatId));
        assertThat(chatAssigned.path("adminId").asText()).isEqualTo(admin.id());
        assertThat(chatAssigned.path("adminName").asText()).isEqualTo("Ada");
        assertThat(adminSocket.call("joinChat", (Object) chatId).path("success").asBoolean()).isTrue();
        Response unread = api.get(BASE + "/chats/admin/" + admin.id() + "/unread-count", admin.token());
        assertThat(unread.status()).isEqualTo(200);
        assertThat(unread.body().path("data").path("total").asLong()).isGreaterThanOrEqualTo(1);

        playerSocket.emit("sendMessage", Map.of("chatId", chatId, "content", "Any news?", "senderId", player.id(),
                "senderType", "user"));
        JsonNode fromPlayer = adminSocket.await("newMessage", m -> m.path("content").asText().equals("Any news?"));
        assertThat(fromPlayer.path("senderType").asText()).isEqualTo("user");
        assertThat(parley.await("newMessage", m -> m.path("id").asText().equals(fromPlayer.path("id").asText()))
                .path("seq").asLong()).isEqualTo(fromPlayer.path("seq").asLong());
        adminSocket.emit("typing", Map.of("chatId", chatId, "userId", admin.id(), "isTyping", true));
        assertThat(playerSocket.await("userTyping").path("userId").asText()).isEqualTo(admin.id());
        adminSocket.emit("sendMessage", Map.of("chatId", chatId, "content", "Found it", "senderId", admin.id(),
                "senderType", "admin"));
        assertThat(playerSocket.await("newMessage", m -> m.path("content").asText().equals("Found it"))
                .path("senderType").asText()).isEqualTo("admin");

        Response read = api.post(BASE + "/messages/" + chatId + "/mark-read", player.token(),
                Map.of("readerId", player.id(), "readerType", "user"));
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(adminSocket.await("messagesRead", r -> r.path("readBy").asText().equals(player.id()))
                .path("chatId").asText()).isEqualTo(chatId);
        Response rest = api.post(BASE + "/messages", admin.token(), Map.of("chatId", chatId, "content", "Via REST",
                "senderId", admin.id(), "senderType", "admin"));
        assertThat(rest.status()).as(rest.body().toString()).isEqualTo(201);
        assertThat(parley.await("newMessage", m -> m.path("content").asText().equals("Via REST"))).isNotNull();
        Response messages = api.get(BASE + "/messages/" + chatId, player.token());
        assertThat(messages.body().path("data").findValuesAsText("content"))
                .containsSubsequence("My deposit is missing", "Any news?", "Found it", "Via REST");
        Response mine = api.get(BASE + "/chats/user/" + player.id(), player.token());
        assertThat(mine.body().path("data").findValuesAsText("chatId")).contains(chatId);
        assertThat(api.get(BASE + "/chats/" + chatId, player.token()).body().path("data").path("assignedAdminId")
                .asText()).isEqualTo(admin.id());

        Response resolved = api.post(BASE + "/chats/" + chatId + "/status", admin.token(), Map.of("status", "resolved"));
        assertThat(resolved.body().path("data").path("status").asText()).isEqualTo("resolved");
        post("/api/chats/" + chatId + "/close", admin, Map.of("resolutionSummary", "Deposit credited"));
        assertThat(playerSocket.await("chatClosed", c -> c.path("chatId").asText().equals(chatId))
                .path("reason").asText()).isEqualTo("Deposit credited");
    }

    @Test
    void claimedIdsMustBeTheTokensAndOthersChatsAreNotFound() {
        Person player = customer("Player");
        Person other = customer("Other");
        Response created = api.post(BASE + "/chats/user", player.token(),
                Map.of("userId", player.id(), "initialMessage", "hi"));
        String chatId = created.body().path("data").path("chatId").asText();
        TestSocket playerSocket = gs365(player);
        playerSocket.call("joinChat", (Object) chatId);
        JsonNode spoofed = playerSocket.call("sendMessage", Map.of("chatId", chatId, "content", "x",
                "senderId", other.id(), "senderType", "user"));
        assertThat(spoofed.path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(playerSocket.call("sendMessage", Map.of("chatId", chatId, "content", "x", "senderType", "admin"))
                .path("error").path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(api.post(BASE + "/chats/user", other.token(), Map.of("userId", player.id(), "initialMessage", "x"))
                .status()).isEqualTo(403);
        assertThat(api.get(BASE + "/chats/user/" + player.id(), other.token()).status()).isEqualTo(403);

        TestSocket intruder = gs365(other);
        assertThat(intruder.call("joinChat", (Object) chatId).path("error").path("code").asText())
                .isEqualTo("NOT_FOUND");
        assertThat(api.get(BASE + "/chats/" + chatId, other.token()).status()).isEqualTo(404);
        assertThat(api.get(BASE + "/messages/" + chatId, other.token()).status()).isEqualTo(404);
        TestSocket bad = track(TestSocket.openAt("bad" + NS, socketServer.port(), NS, "forged", WEBSOCKET));
        assertThat(bad.connectError().toString()).contains("AUTH_FAILED");
        assertThat(api.get(BASE + "/chats/" + chatId, "forged").body().path("error").path("code").asText())
                .isEqualTo("AUTH_FAILED");
        assertThat(intruder.call("send_message", Map.of()).path("error").path("code").asText())
                .isEqualTo("UNKNOWN_EVENT");

        // loggedin-user: the same player's other sockets are told to log out; the claimed id must be theirs
        TestSocket newer = gs365(player);
        assertThat(newer.call("loggedin-user", Map.of("id", player.id(), "token", player.token()))
                .path("success").asBoolean()).isTrue();
        assertThat(playerSocket.await("logout-user-" + player.id()).path("userId").asText()).isEqualTo(player.id());
        assertThat(intruder.call("loggedin-user", Map.of("id", player.id())).path("error").path("code").asText())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aRevokedTokensDialectSocketsAreLoggedOutAndDisconnected() {
        Person player = customer("Leaving");
        TestSocket gs = gs365(player);
        TestSocket other = track(TestSocket.openAt("Leaving/mydeeptech", socketServer.port(), "/mydeeptech",
                player.token(), WEBSOCKET)).connected();
        Response logout = api.post("/api/auth/logout", player.token(), null);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(gs.await("forceLogout").path("reason").asText()).isEqualTo("logout");
        assertThat(other.await("forceLogout").path("reason").asText()).isEqualTo("logout");
        gs.await("disconnect");
        other.await("disconnect");
        assertThat(api.get(BASE + "/chats/user/" + player.id(), player.token()).status()).isEqualTo(401);
    }

    @Test
    void aGuestStartsAChatAndComesBackWithItsGuestToken() {
        Response started = api.post(BASE + "/chats/guest", null, Map.of("name", "Guest_123",
                "email", "guest@example.com", "subject", "Deposit Q", "initialMessage", "How do deposits work?"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        JsonNode data = started.body().path("data");
        String chatId = data.path("chatId").asText();
        String guestId = data.path("guestId").asText();
        String guestToken = data.path("guestToken").asText();
        assertThat(data.path("status").asText()).isEqualTo("open");
        assertThat(data.path("guestName").asText()).isEqualTo("Guest_123");

        Response again = api.post(BASE + "/chats/guest", guestToken, Map.of("guestId", guestId, "name", "Guest_123",
                "initialMessage", "me again"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("data").path("chatId").asText()).isEqualTo(chatId);
        Response mine = api.get(BASE + "/chats/guest/" + guestId, guestToken);
        assertThat(mine.body().path("data")).hasSize(1);
        assertThat(mine.body().path("data").get(0).path("id").asText()).isEqualTo(chatId);
        TestSocket guest = track(TestSocket.openAt("guest" + NS, socketServer.port(), NS, guestToken, WEBSOCKET))
                .connected();
        assertThat(guest.call("joinChat", (Object) chatId).path("success").asBoolean()).isTrue();

        // A bare guestId resumes nothing, and an account is no guest.
        assertThat(api.post(BASE + "/chats/guest", null, Map.of("guestId", guestId, "name", "x",
                "initialMessage", "x")).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/chats/guest", customer("Acc").token(), Map.of("name", "x",
                "initialMessage", "x")).status()).isEqualTo(403);
        assertThat(api.post(BASE + "/chats/guest", null, Map.of("name", 42, "initialMessage", "x")).status())
                .isEqualTo(400);
    }
}
