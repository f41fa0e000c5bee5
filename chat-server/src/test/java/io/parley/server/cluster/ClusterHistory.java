package io.parley.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.support.Api;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A chat's history as one node serves it, read page by page as a client reads it. */
final class ClusterHistory {
    private ClusterHistory() {
    }

    /** The chat's stored messages by clientMessageId, checking on the way that seqs run 1, 2, 3 … without gaps. */
    static Map<String, Long> storedByClientMessageId(Api api, Person reader, String chatId) {
        Map<String, Long> stored = new HashMap<>();
        long expected = 1;
        long after = 0;
        while (true) {
            Api.Response r = api.get("/api/chats/" + chatId + "/messages?afterSeq=" + after + "&limit=200",
                    reader.token());
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            JsonNode page = r.data();
            for (JsonNode message : page) {
                assertThat(message.path("seq").asLong()).as("seqs without gaps").isEqualTo(expected++);
                String id = message.path("clientMessageId").asText(null);
                if (id != null) assertThat(stored.put(id, message.path("seq").asLong())).as("once: " + id).isNull();
                after = message.path("seq").asLong();
            }
            if (page.size() < 200) return stored;
        }
    }
}
