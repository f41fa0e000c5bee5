package io.parley.bench;

import io.socket.client.Ack;
import io.socket.client.Socket;
import org.json.JSONArray;
import org.json.JSONObject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One person's connected socket in a run: it joins chats, sends, and books every newMessage it receives. */
final class Participant implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final String userId;
    final String token;
    private final Socket socket;
    private final DeliveryBook book;
    private final DeliveryBook.Inbox inbox;

    Participant(String socketUrl, String userId, String token, DeliveryBook book) {
        this.userId = userId;
        this.token = token;
        this.book = book;
        this.inbox = new DeliveryBook.Inbox(userId);
        this.socket = Sockets.connect(socketUrl, token, TIMEOUT);
        socket.on("newMessage", args -> {
            if (args.length > 0 && args[0] instanceof JSONObject message) book.received(inbox, message);
        });
    }

    /** Joins a chat's room; the messages already there count as received in order. */
    void join(String chatId) {
        JSONObject ack = call("joinChat", new JSONObject(Map.of("chatId", chatId)));
        JSONObject data = ack.optJSONObject("data");
        JSONArray missed = data == null ? null : data.optJSONArray("missed");
        if (!ack.optBoolean("success") || missed == null) throw new IllegalStateException("joinChat failed: " + ack);
        JSONObject newest = missed.length() == 0 ? null : missed.optJSONObject(missed.length() - 1);
        inbox.caughtUp(chatId, newest == null ? 0 : newest.optLong("seq"));
    }

    /** Emits sendMessage now; the acknowledgement and the other side's receipt are booked as they come. */
    void send(String chatId, String content, String clientMessageId, long intendedNanos) {
        DeliveryBook.Send send = book.sending(clientMessageId, chatId, userId, intendedNanos);
        JSONObject payload = new JSONObject(Map.of("chatId", chatId, "content", content,
                "clientMessageId", clientMessageId));
        send.sentNanos = System.nanoTime();
        socket.emit("sendMessage", new Object[]{payload}, (Ack) answer -> book.acked(send, answer));
    }

    /** Sends and waits for the acknowledgement (closed loop); true if it was a success. */
    boolean sendAndWait(String chatId, String content, String clientMessageId) {
        DeliveryBook.Send send = book.sending(clientMessageId, chatId, userId, System.nanoTime());
        JSONObject payload = new JSONObject(Map.of("chatId", chatId, "content", content,
                "clientMessageId", clientMessageId));
        CompletableFuture<Void> done = new CompletableFuture<>();
        send.sentNanos = System.nanoTime();
        socket.emit("sendMessage", new Object[]{payload}, (Ack) answer -> {
            book.acked(send, answer);
            done.complete(null);
        });
        try {
            done.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return false;
        }
        return send.acked;
    }

    JSONObject call(String event, JSONObject payload) {
        CompletableFuture<JSONObject> ack = new CompletableFuture<>();
        socket.emit(event, new Object[]{payload}, (Ack) answer ->
                ack.complete(answer.length > 0 && answer[0] instanceof JSONObject o ? o : new JSONObject()));
        try {
            return ack.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no acknowledgement of " + event + " within " + TIMEOUT, e);
        }
    }

    boolean connected() {
        return socket.connected();
    }

    @Override
    public void close() {
        socket.off();
        socket.close();
    }
}
