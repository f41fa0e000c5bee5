package io.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.server.support.Download;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcripts as their readers download them: each format, with and without notes, by role. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TranscriptTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Staff tokens by server port and role: made once per server, as bcrypt makes each login cost. */
    private static final Map<String, String> STAFF = new java.util.concurrent.ConcurrentHashMap<>();
    static final String TRICKY = "a, \"quoted\" word\nand a second line";

    @LocalServerPort
    int port;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = token(api.post("/api/auth/login", null,
                Map.of("email", "admin@parley.test", "password", "admin-password-1")));
    }

    /** Carla and agent Alice talk; Alice leaves a note after the first message and another at the end. */
    record Chat(String id, String ticket, String customer, String agent, String auditor) {
    }

    Chat conversation() {
        String customer = token(api.post("/api/auth/register", null, Map.of("name", "Carla",
                "email", "carla-" + UUID.randomUUID() + "@example.com", "password", "secret-password-1")));
        String agent = STAFF.computeIfAbsent(port + "/agent", k -> staff("Alice", "agent"));
        String auditor = STAFF.computeIfAbsent(port + "/auditor", k -> staff("Audrey", "auditor"));
        JsonNode started = ok(api.post("/api/chats", customer, Map.of("message", "=HYPERLINK(\"http://evil\")",
                "subject", "+Refund")));
        String chatId = started.path("chat").path("id").asText();
        ok(api.post("/api/chats/" + chatId + "/notes", agent, Map.of("content", "-first note")));
        ok(api.post("/api/chats/" + chatId + "/messages", agent, Map.of("content", "@Carla hello")));
        ok(api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", TRICKY)));
        ok(api.post("/api/chats/" + chatId + "/notes", agent, Map.of("content", "last note")));
        return new Chat(chatId, started.path("chat").path("ticketNumber").asText(), customer, agent, auditor);
    }

    @Test
    void jsonHasTheChatAndEveryMessageInOrderAndNotesOnlyWhenStaffAskForThem() throws IOException {
        Chat chat = conversation();
        HttpResponse<String> plain = download(chat, "json", null, chat.customer());
        assertThat(plain.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + chat.ticket() + ".json\"");
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = JSON.readTree(plain.body());
        assertThat(doc.path("chat").path("ticketNumber").asText()).isEqualTo(chat.ticket());
        assertThat(doc.path("chat").path("subject").asText()).isEqualTo("+Refund");
        List<Long> seqs = new ArrayList<>();
        doc.path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
        assertThat(seqs).isNotEmpty();
        for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i)).isEqualTo(i + 1);
        assertThat(doc.path("messages").get(0).path("content").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(doc.path("messages").get(seqs.size() - 1).path("content").asText()).isEqualTo(TRICKY);
        assertThat(doc.has("notes")).isFalse();
        assertThat(plain.body()).doesNotContain("first note");

        for (String reader : List.of(chat.agent(), chat.auditor(), admin)) {
            JsonNode withNotes = JSON.readTree(download(chat, "json", "true", reader).body());
            assertThat(withNotes.path("messages")).hasSize(seqs.size());
            assertThat(withNotes.path("notes")).hasSize(2);
            assertThat(withNotes.path("notes").get(0).path("content").asText()).isEqualTo("-first note");
            assertThat(withNotes.path("notes").get(1).path("authorName").asText()).isEqualTo("Alice");
            JsonNode without = JSON.readTree(download(chat, "json", "false", reader).body());
            assertThat(without.has("notes")).isFalse();
        }
    }

    @Test
    void csvIsParseableWithFormulaCellsMadeInertAndNotesInPlace() throws IOException {
        Chat chat = conversation();
        HttpResponse<String> plain = download(chat, "csv", null, chat.customer());
        assertThat(plain.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + chat.ticket() + ".csv\"");
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = csv(plain.body());
        assertThat(rows).allSatisfy(row -> assertThat(row.get("kind")).isEqualTo("message"));
        assertThat(rows.get(0).get("ticketNumber")).isEqualTo(chat.ticket());
        assertThat(rows.get(0).get("subject")).isEqualTo("'+Refund");
        assertThat(rows.get(0).get("seq")).isEqualTo("1");
        assertThat(rows.get(0).get("content")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(0).get("authorType")).isEqualTo("user");
        CSVRecord last = rows.get(rows.size() - 1);
        assertThat(last.get("content")).as("quotes, commas and newlines survive").isEqualTo(TRICKY);
        assertThat(rows).extracting(row -> row.get("content")).contains("'@Carla hello");
        for (int i = 0; i < rows.size(); i++) assertThat(rows.get(i).get("seq")).isEqualTo(String.valueOf(i + 1));

        List<CSVRecord> withNotes = csv(download(chat, "csv", "true", chat.auditor()).body());
        assertThat(withNotes).hasSize(rows.size() + 2);
        int first = indexOf(withNotes, "'-first note");
        assertThat(withNotes.get(first).get("kind")).isEqualTo("note");
        assertThat(withNotes.get(first).get("authorName")).isEqualTo("Alice");
        // The first note was written after the first message, before Alice's reply took the chat (seq 2 on).
        assertThat(withNotes.get(first - 1).get("seq")).isEqualTo("1");
        assertThat(withNotes.get(first + 1).get("seq")).isEqualTo("2");
        assertThat(withNotes.get(withNotes.size() - 1).get("content")).isEqualTo("last note");
    }

    @Test
    void textReadsTopToBottomWithTheChatDetailsFirst() {
        Chat chat = conversation();
        HttpResponse<String> plain = download(chat, "txt", null, chat.customer());
        assertThat(plain.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"" + chat.ticket() + ".txt\"");
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = plain.body();
        assertThat(text).startsWith("Ticket:   " + chat.ticket()).contains("Subject:  +Refund")
                .contains("Customer: Carla").doesNotContain("NOTE").doesNotContain("first note");
        assertThat(text.indexOf("=HYPERLINK")).isLessThan(text.indexOf("@Carla hello"));
        assertThat(text.indexOf("@Carla hello")).isLessThan(text.indexOf(TRICKY));

        String staff = download(chat, "txt", "true", chat.agent()).body();
        assertThat(staff.indexOf("=HYPERLINK")).isLessThan(staff.indexOf("-first note"));
        assertThat(staff.indexOf("-first note")).isLessThan(staff.indexOf("@Carla hello"));
        assertThat(staff).contains("NOTE by Alice (staff only):\nlast note");
    }

    @Test
    void onlyParticipantsStaffAndAuditorsGetATranscriptAndBadParametersAreRefused() {
        Chat chat = conversation();
        String stranger = token(api.post("/api/auth/register", null, Map.of("name", "Olga",
                "email", "olga-" + UUID.randomUUID() + "@example.com", "password", "secret-password-1")));
        String path = "/api/chats/" + chat.id() + "/transcript";
        assertThat(api.get(path + "?format=txt", stranger).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get(path + "?format=txt&includeNotes=true", chat.customer()).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(api.get(path + "?format=pdf", chat.agent()).errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get(path + "?format=pdf", chat.agent()).status()).isEqualTo(400);
        assertThat(api.get(path + "?format=csv&includeNotes=maybe", chat.agent()).errorCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/chats/no-such-chat/transcript", chat.agent()).errorCode()).isEqualTo("NOT_FOUND");
        assertThat(api.get(path, null).status()).isEqualTo(401);
        // Without a format it is JSON.
        assertThat(download(chat, null, null, chat.auditor()).headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + chat.ticket() + ".json\"");
    }

    @Test
    void aGuestDownloadsTheirOwnTranscript() {
        Response started = api.post("/api/chats/guest", null, Map.of("name", "Gus", "message", "hello there"));
        String chatId = started.data().path("chat").path("id").asText();
        String guest = started.data().path("guestToken").asText();
        HttpResponse<String> text = Download.get(port, "/api/chats/" + chatId + "/transcript?format=txt", guest);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("hello there").contains("(guest)");
    }

    private HttpResponse<String> download(Chat chat, String format, String includeNotes, String token) {
        String query = (format == null ? "" : "format=" + format) + (includeNotes == null ? ""
                : (format == null ? "" : "&") + "includeNotes=" + includeNotes);
        HttpResponse<String> r = Download.get(port, "/api/chats/" + chat.id() + "/transcript"
                + (query.isEmpty() ? "" : "?" + query), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private String staff(String name, String role) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@parley.test";
        ok(api.post("/api/admin/users", admin,
                Map.of("name", name, "email", email, "password", "staff-password-1", "role", role)));
        return token(api.post("/api/auth/login", null, Map.of("email", email, "password", "staff-password-1")));
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body)).getRecords();
    }

    private static int indexOf(List<CSVRecord> rows, String content) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).get("content").equals(content)) return i;
        throw new AssertionError("no row with " + content);
    }

    private static String token(Response r) {
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
        return r.data().path("token").asText();
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
        return r.data();
    }
}
