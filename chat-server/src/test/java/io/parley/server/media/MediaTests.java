package io.parley.server.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.server.media.MediaClient.Upload;
import io.parley.shared.event.Attachment;
import io.parley.shared.event.MessageSentEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads, downloads and attachments over real HTTP, as a client app uses them (contract, "Media"). */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MediaTests {
    static final int MAX_BYTES = 10 * 1024 * 1024;
    @LocalServerPort
    int port;
    @Autowired
    MediaCleanup cleanup;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    Api api;
    MediaClient media;
    String admin;

    record Person(String id, String token) {
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        media = new MediaClient(port);
        admin = login("admin@parley.test", "admin-password-1").token();
    }

    @Test
    void eachAllowedKindIsTypedByItsContentWhateverItsNameOrDeclaredType() {
        Person carla = customer("Carla");
        Map<String, byte[]> files = Map.of("image/png", MediaFiles.png(40, 30), "image/jpeg", MediaFiles.jpeg(64, 48),
                "application/pdf", MediaFiles.pdf(), "audio/mpeg", MediaFiles.mp3(), "video/mp4", MediaFiles.mp4(),
                "text/plain", MediaFiles.text());
        files.forEach((type, bytes) -> {
            Upload upload = media.upload(carla.token(), "upload.bin", "application/octet-stream", bytes);
            assertThat(upload.status()).as(type + ": " + upload.body()).isEqualTo(201);
            JsonNode data = upload.data();
            assertThat(data.path("contentType").asText()).as(type).isEqualTo(type);
            assertThat(data.path("size").asLong()).isEqualTo(bytes.length);
            assertThat(data.path("name").asText()).isEqualTo("upload.bin");
            String id = data.path("id").asText();
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
            assertThat(data.path("url").asText()).isEqualTo("/api/media/" + id);
            assertThat(data.has("thumbnailUrl")).as(type).isEqualTo(type.startsWith("image/"));
        });
    }

    @Test
    void theClientsFileNameIsOnlyADisplayName() {
        Upload upload = media.upload(customer("Carla").token(), "..\\../../etc/passwd\u0007.pdf", "image/png",
                MediaFiles.pdf());
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        assertThat(upload.data().path("name").asText()).isEqualTo("passwd.pdf");
    }

    @Test
    void executablesAndHtmlDisguisedAsImagesAreRefused() {
        Person carla = customer("Carla");
        for (byte[] disguised : List.of(MediaFiles.elf(), MediaFiles.exe(), MediaFiles.html())) {
            Upload upload = media.upload(carla.token(), "cute-cat.png", "image/png", disguised);
            assertThat(upload.status()).as(upload.body().toString()).isEqualTo(415);
            assertThat(upload.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void aTruncatedImageIsRefusedNotCrashedOn() {
        Upload upload = media.upload(customer("Carla").token(), "photo.png", "image/png",
                MediaFiles.truncated(MediaFiles.png(600, 400)));
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(415);
        assertThat(upload.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndTheServerCarriesOn() {
        Person carla = customer("Carla");
        byte[] big = new byte[MAX_BYTES + 1024];
        byte[] pdf = MediaFiles.pdf();
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        Upload tooBig = media.upload(carla.token(), "big.pdf", "application/pdf", big);
        assertThat(tooBig.status()).as(tooBig.body().toString()).isEqualTo(413);
        assertThat(tooBig.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(media.upload(carla.token(), "small.pdf", "application/pdf", pdf).status()).isEqualTo(201);
    }

    @Test
    void aUserUploadsAtMost20FilesAMinute() {
        Person carla = customer("Carla");
        for (int i = 0; i < 20; i++) {
            assertThat(media.upload(carla.token(), "note.txt", "text/plain", MediaFiles.text()).status())
                    .isEqualTo(201);
        }
        Upload refused = media.upload(carla.token(), "note.txt", "text/plain", MediaFiles.text());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(media.upload(customer("Olga").token(), "note.txt", "text/plain", MediaFiles.text()).status())
                .isEqualTo(201);
    }

    @Test
    void auditorsDoNotUploadAndNobodyUploadsWithoutAToken() {
        Person auditor = staff("Audrey", "auditor");
        assertThat(media.upload(auditor.token(), "a.pdf", "application/pdf", MediaFiles.pdf()).status())
                .isEqualTo(403);
        Upload anonymous = media.upload(null, "a.pdf", "application/pdf", MediaFiles.pdf());
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aDownloadCarriesSafeHeadersAndHonoursRangesAndETags() {
        Person carla = customer("Carla");
        byte[] pdf = MediaFiles.pdf();
        String id = uploaded(carla, "invoice.pdf", pdf);

        HttpResponse<byte[]> whole = media.get("/api/media/" + id, carla.token());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(pdf);
        assertThat(header(whole, "Content-Type")).startsWith("application/pdf");
        assertThat(header(whole, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(whole, "Content-Disposition")).startsWith("attachment").contains("invoice.pdf");
        assertThat(header(whole, "Cache-Control")).contains("private");
        String etag = header(whole, "ETag");
        assertThat(etag).isNotBlank();

        HttpResponse<byte[]> unchanged = media.get("/api/media/" + id, carla.token(), "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        HttpResponse<byte[]> part = media.get("/api/media/" + id, carla.token(), "Range", "bytes=5-14");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(header(part, "Content-Range")).isEqualTo("bytes 5-14/" + pdf.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pdf, 5, 15));

        HttpResponse<byte[]> beyond = media.get("/api/media/" + id, carla.token(), "Range",
                "bytes=" + (pdf.length + 10) + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void aRangeFarIntoALargeFileComesBackExactly() {
        Person carla = customer("Carla");
        byte[] video = new byte[3 * 1024 * 1024 + 123];
        new java.util.Random(7).nextBytes(video);
        System.arraycopy(MediaFiles.mp4(), 0, video, 0, 32);
        String id = uploaded(carla, "clip.mp4", video);
        int from = 2 * 1024 * 1024 - 10;
        HttpResponse<byte[]> part = media.get("/api/media/" + id, carla.token(), "Range",
                "bytes=" + from + "-" + (from + 999));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, from, from + 1000));
        assertThat(media.get("/api/media/" + id, carla.token()).body()).isEqualTo(video);
    }

    @Test
    void anImageIsShownInlineWithAThumbnailAtMost320PixelsOnTheLongSide() throws IOException {
        Person carla = customer("Carla");
        Upload upload = media.upload(carla.token(), "field.png", "image/png", MediaFiles.png(800, 400));
        String thumbnailUrl = upload.data().path("thumbnailUrl").asText();
        assertThat(thumbnailUrl).isEqualTo(upload.data().path("url").asText() + "/thumbnail");

        HttpResponse<byte[]> image = media.get(upload.data().path("url").asText(), carla.token());
        assertThat(header(image, "Content-Disposition")).startsWith("inline");
        HttpResponse<byte[]> thumbnail = media.get(thumbnailUrl, carla.token());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(header(thumbnail, "X-Content-Type-Options")).isEqualTo("nosniff");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(160);

        String pdf = uploaded(carla, "a.pdf", MediaFiles.pdf());
        assertThat(media.get("/api/media/" + pdf + "/thumbnail", carla.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheUploaderTheChatsCustomerAndStaffSeeMedia() {
        Person carla = customer("Carla");
        Person olga = customer("Olga");
        Person agent = staff("Alice", "agent");
        Person auditor = staff("Audrey", "auditor");
        String guest = api.post("/api/chats/guest", null, Map.of("name", "Gus", "message", "hi"))
                .data().path("guestToken").asText();
        String chatId = startChat(carla, "My tractor");
        String alone = uploaded(carla, "draft.pdf", MediaFiles.pdf());

        // Staff upload into a chat; its customer then sees it too.
        api.post("/api/chats/" + chatId + "/assign", agent.token(), null);
        String manual = uploaded(agent, "manual.pdf", MediaFiles.pdf());
        assertThat(media.get("/api/media/" + manual, carla.token()).statusCode()).isEqualTo(404);
        Response sent = api.post("/api/chats/" + chatId + "/messages", agent.token(),
                Map.of("content", "Here is the manual", "attachmentIds", List.of(manual)));
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);

        assertThat(media.get("/api/media/" + manual, carla.token()).statusCode()).isEqualTo(200);
        assertThat(media.get("/api/media/" + alone, carla.token()).statusCode()).isEqualTo(200);
        assertThat(media.get("/api/media/" + alone, agent.token()).statusCode()).isEqualTo(200);
        assertThat(media.get("/api/media/" + alone, admin).statusCode()).isEqualTo(200);
        for (String outsider : List.of(olga.token(), guest, auditor.token())) {
            for (String id : List.of(alone, manual)) {
                HttpResponse<byte[]> refused = media.get("/api/media/" + id, outsider);
                assertThat(refused.statusCode()).isEqualTo(404);
                assertThat(media.get("/api/media/" + id + "/thumbnail", outsider).statusCode()).isEqualTo(404);
            }
        }
        assertThat(media.get("/api/media/" + UUID.randomUUID(), carla.token()).statusCode()).isEqualTo(404);
        assertThat(media.get("/api/media/" + alone, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aMessageOfOnlyAttachmentsCarriesTheirRealMetadataEverywhere() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Broken part");
        Upload photo = media.upload(carla.token(), "part.jpg", "image/jpeg", MediaFiles.jpeg(100, 80));
        String pdf = uploaded(carla, "receipt.pdf", MediaFiles.pdf());
        String photoId = photo.data().path("id").asText();

        Map<String, Object> body = Map.of("content", "", "attachmentIds", List.of(photoId, pdf),
                "clientMessageId", "with-files-1");
        Response sent = api.post("/api/chats/" + chatId + "/messages", carla.token(), body);
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
        assertThat(sent.data().path("content").asText()).isEmpty();
        JsonNode attachments = sent.data().path("attachments");
        assertThat(attachments).hasSize(2);
        assertThat(attachments.get(0)).isEqualTo(photo.data());
        assertThat(attachments.get(1).path("name").asText()).isEqualTo("receipt.pdf");
        assertThat(attachments.get(1).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(attachments.get(1).path("size").asLong()).isEqualTo(MediaFiles.pdf().length);
        assertThat(attachments.get(1).has("thumbnailUrl")).isFalse();

        // A retry is answered with the original message, not refused as a reuse.
        Response retried = api.post("/api/chats/" + chatId + "/messages", carla.token(), body);
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.data().path("id").asText()).isEqualTo(sent.data().path("id").asText());
        assertThat(retried.data().path("attachments")).isEqualTo(attachments);

        JsonNode stored = lastMessage(chatId, carla, sent.data().path("seq").asLong());
        assertThat(stored.path("attachments")).isEqualTo(attachments);
    }

    @Test
    void madeUpForeignAndReusedAttachmentsAreRefusedAndNothingIsStored() {
        Person carla = customer("Carla");
        Person olga = customer("Olga");
        String chatId = startChat(carla, "Question");
        String mine = uploaded(carla, "a.pdf", MediaFiles.pdf());
        String olgas = uploaded(olga, "b.pdf", MediaFiles.pdf());
        long before = messages(chatId, carla).size();

        Response madeUp = send(chatId, carla, "", List.of("made-up-id", "../../etc/passwd"));
        assertThat(madeUp.status()).as(madeUp.body().toString()).isEqualTo(404);
        assertThat(madeUp.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(madeUp.body().path("error").path("message").asText()).contains("made-up-id");

        Response foreign = send(chatId, carla, "look", List.of(mine, olgas));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");

        Response twice = send(chatId, carla, "look", List.of(mine, mine));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.errorCode()).isEqualTo("VALIDATION_FAILED");

        Response empty = send(chatId, carla, "", List.of());
        assertThat(empty.status()).isEqualTo(400);

        // The refused sends claimed nothing: the file is still free for this message, and then for no other.
        assertThat(send(chatId, carla, "here", List.of(mine)).status()).isEqualTo(201);
        Response reused = send(chatId, carla, "again", List.of(mine));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.errorCode()).isEqualTo("CONFLICT");
        assertThat(messages(chatId, carla)).hasSize((int) before + 1);
    }

    @Test
    void aChatCanStartWithAFile() {
        Person carla = customer("Carla");
        String photo = uploaded(carla, "photo.png", MediaFiles.png(10, 10));
        Response started = api.post("/api/chats", carla.token(), Map.of("message", "", "attachmentIds",
                List.of(photo)));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        JsonNode first = started.data().path("messages").get(0);
        assertThat(first.path("attachments").get(0).path("name").asText()).isEqualTo("photo.png");
    }

    @Test
    void mediaNoMessageCarriesIsDeletedByTheCleanup() {
        Person carla = customer("Carla");
        String chatId = startChat(carla, "Files");
        String kept = uploaded(carla, "kept.pdf", MediaFiles.pdf());
        String orphan = uploaded(carla, "orphan.pdf", MediaFiles.pdf());
        assertThat(send(chatId, carla, "keep this", List.of(kept)).status()).isEqualTo(201);

        assertThat(cleanup.deleteOrphans(Duration.ofHours(24))).isZero();
        assertThat(cleanup.deleteOrphans(Duration.ZERO)).isGreaterThanOrEqualTo(1);

        assertThat(media.get("/api/media/" + orphan, carla.token()).statusCode()).isEqualTo(404);
        assertThat(send(chatId, carla, "too late", List.of(orphan)).status()).isEqualTo(404);
        assertThat(media.get("/api/media/" + kept, carla.token()).body()).isEqualTo(MediaFiles.pdf());
    }

    @Test
    void storedMessagesFromBeforeAttachmentMetadataStillLoad() {
        String revisionOne = "{\"chatId\":\"c-1\",\"messageId\":\"m-1\",\"seq\":2,\"senderId\":\"u-1\","
                + "\"senderRole\":\"USER\",\"senderName\":\"Carla\",\"content\":\"\",\"attachmentIds\":[\"old-1\"],"
                + "\"clientMessageId\":null,\"sentAt\":\"2026-11-21T10:30:00.000Z\"}";
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Conversation", "c-1", 1, "e-1",
                Instant.parse("2026-11-21T10:30:00Z"), MessageSentEvent.class.getName(), "1", revisionOne, "{}");

        IntermediateEventRepresentation read = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(stored, eventSerializer))).findFirst().orElseThrow();
        MessageSentEvent event = eventSerializer.deserialize(read.getData());

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(event.attachments()).containsExactly(
                new Attachment("old-1", "old-1", "application/octet-stream", 0));
        assertThat(event.content()).isEmpty();
    }

    String uploaded(Person who, String name, byte[] bytes) {
        Upload upload = media.upload(who.token(), name, "application/octet-stream", bytes);
        assertThat(upload.status()).as(upload.body().toString()).isEqualTo(201);
        return upload.data().path("id").asText();
    }

    Response send(String chatId, Person who, String content, List<String> attachmentIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("content", content);
        body.put("attachmentIds", attachmentIds);
        return api.post("/api/chats/" + chatId + "/messages", who.token(), body);
    }

    List<JsonNode> messages(String chatId, Person who) {
        Response r = api.get("/api/chats/" + chatId + "/messages?limit=200", who.token());
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> all = new java.util.ArrayList<>();
        r.data().forEach(all::add);
        return all;
    }

    JsonNode lastMessage(String chatId, Person who, long seq) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode message : messages(chatId, who)) {
                if (message.path("seq").asLong() == seq) return message;
            }
            sleep();
        }
        throw new AssertionError("message " + seq + " never reached the history");
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    Person login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return new Person(r.data().path("user").path("id").asText(), r.data().path("token").asText());
    }

    Person customer(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        Response r = api.post("/api/auth/register", null,
                Map.of("name", name, "email", email, "password", "secret-password-1"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return new Person(r.data().path("user").path("id").asText(), r.data().path("token").asText());
    }

    Person staff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(email, "staff-password-1");
    }

    String startChat(Person customer, String message) {
        Response r = api.post("/api/chats", customer.token(), Map.of("message", message));
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
        return r.data().path("chat").path("id").asText();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
