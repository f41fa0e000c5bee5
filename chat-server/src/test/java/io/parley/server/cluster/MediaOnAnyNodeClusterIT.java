package io.parley.server.cluster;

import io.parley.server.cluster.ClusterUsers.Person;
import io.parley.server.media.MediaClient;
import io.parley.server.media.MediaFiles;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Media on PostgreSQL: a file uploaded to node 1 is served, whole and in ranges, by node 2. */
@ExtendWith({ClusterAvailable.class, SharedCluster.class})
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MediaOnAnyNodeClusterIT {
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = SharedCluster.cluster();
    }


    @Test
    void aFileStoredThroughNodeOneIsServedByNodeTwo() {
        Api one = cluster.api(1);
        Api two = cluster.api(2);
        MediaClient mediaOne = new MediaClient(cluster.httpPort(1));
        MediaClient mediaTwo = new MediaClient(cluster.httpPort(2));
        Person customer = ClusterUsers.registerCustomer(one, "Rita");
        Person agent = ClusterUsers.createAgent(two, ClusterUsers.admin(two), two, "Alice");
        String chatId = ClusterUsers.startChat(one, customer, "A recording of the noise");
        byte[] audio = new byte[1024 * 1024 + 77];
        new Random(13).nextBytes(audio);
        System.arraycopy(MediaFiles.mp3(), 0, audio, 0, 4);

        MediaClient.Upload upload = mediaOne.upload(customer.token(), "noise.mp3", "audio/mpeg", audio);
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        assertThat(upload.data().path("contentType").asText()).isEqualTo("audio/mpeg");
        String id = upload.data().path("id").asText();
        Response sent = one.post("/api/chats/" + chatId + "/messages", customer.token(),
                Map.of("content", "", "attachmentIds", List.of(id)));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);

        HttpResponse<byte[]> whole = mediaTwo.get("/api/media/" + id, agent.token());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(audio);
        HttpResponse<byte[]> seek = mediaTwo.get("/api/media/" + id, customer.token(), "Range", "bytes=700000-700099");
        assertThat(seek.statusCode()).isEqualTo(206);
        assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(audio, 700000, 700100));
        // The message node 1 stored carries the file's metadata when node 2 reads the history.
        Response history = two.get("/api/chats/" + chatId + "/messages", customer.token());
        assertThat(history.data().get(history.data().size() - 1).path("attachments").get(0).path("name").asText())
                .isEqualTo("noise.mp3");
    }
}
