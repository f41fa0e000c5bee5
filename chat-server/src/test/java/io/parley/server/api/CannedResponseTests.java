package io.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Canned responses over real HTTP: CRUD, search by shortcode and title, unique shortcodes, who may do what. */
@SpringBootTest(classes = ChatServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CannedResponseTests {
    private static final String PATH = "/api/canned-responses";
    @LocalServerPort
    int port;
    Api api;
    String admin;

    @BeforeEach
    void connect() {
        api = new Api(port);
        admin = login("admin@parley.test", "admin-password-1");
    }

    String login(String email, String password) {
        Response r = api.post("/api/auth/login", null, Map.of("email", email, "password", password));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.data().path("token").asText();
    }

    String createStaff(String role) {
        String email = role + "-" + UUID.randomUUID() + "@parley.test";
        Response r = api.post("/api/admin/users", admin,
                Map.of("name", "Staff " + role, "email", email, "password", "staff-password-1", "role", role));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return login(email, "staff-password-1");
    }

    String customer() {
        Response r = api.post("/api/auth/register", null, Map.of("name", "Carla",
                "email", "carla-" + UUID.randomUUID() + "@example.com", "password", "secret-password-1"));
        return r.data().path("token").asText();
    }

    /** A shortcode no other test run has used. */
    static String unique(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Response create(String shortcode, String title, String content) {
        return api.post(PATH, admin, Map.of("shortcode", shortcode, "title", title, "content", content));
    }

    List<String> shortcodes(String token, String query) {
        Response r = api.get(PATH + "?limit=100" + query, token);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        r.data().forEach(c -> codes.add(c.path("shortcode").asText()));
        return codes;
    }

    @Test
    void anAdminCreatesReplacesAndDeletesACannedResponse() {
        String agent = createStaff("agent");
        String code = unique("refund");
        Response created = create(code.toUpperCase(), "Refund policy", "Refunds take 5 days.");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode canned = created.data();
        String id = canned.path("id").asText();
        assertThat(canned.path("shortcode").asText()).isEqualTo(code);
        assertThat(canned.path("title").asText()).isEqualTo("Refund policy");
        assertThat(canned.path("content").asText()).isEqualTo("Refunds take 5 days.");
        assertThat(canned.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(canned.path("createdBy").asText()).isEqualTo(canned.path("updatedBy").asText());

        assertThat(shortcodes(agent, "&q=" + code)).containsExactly(code);

        Response replaced = api.send("PUT", PATH + "/" + id, admin,
                "{\"shortcode\":\"" + code + "\",\"title\":\"Refunds\",\"content\":\"Refunds take 3 days.\"}");
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(replaced.data().path("content").asText()).isEqualTo("Refunds take 3 days.");
        assertThat(replaced.data().path("createdAt").asText()).isEqualTo(canned.path("createdAt").asText());
        Response listed = api.get(PATH + "?q=" + code, agent);
        assertThat(listed.data().get(0).path("title").asText()).isEqualTo("Refunds");
        assertThat(listed.body().path("pagination").path("total").asInt()).isEqualTo(1);

        Response deleted = api.send("DELETE", PATH + "/" + id, admin, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(shortcodes(agent, "&q=" + code)).isEmpty();
        assertThat(api.send("DELETE", PATH + "/" + id, admin, null).status()).isEqualTo(404);
        Response gone = api.send("PUT", PATH + "/" + id, admin,
                "{\"shortcode\":\"" + code + "\",\"title\":\"Refunds\",\"content\":\"x\"}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void searchMatchesShortcodeAndTitleCaseInsensitively() {
        String agent = createStaff("agent");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String byCode = "greet-" + marker;
        String byTitle = unique("hello");
        assertThat(create(byCode, "Greeting", "Hello!").status()).isEqualTo(201);
        assertThat(create(byTitle, "Opening line " + marker.toUpperCase(), "Hi there").status()).isEqualTo(201);
        assertThat(create(unique("bye"), "Farewell", "Goodbye " + marker).status()).isEqualTo(201);

        // The content is not searched: only the shortcode and the title.
        assertThat(shortcodes(agent, "&q=" + marker)).containsExactlyInAnyOrder(byCode, byTitle);
        assertThat(shortcodes(agent, "&q=" + marker.toUpperCase())).containsExactlyInAnyOrder(byCode, byTitle);
        assertThat(shortcodes(agent, "&q=opening%20line%20" + marker)).containsExactly(byTitle);
        // LIKE's wildcards match only themselves.
        assertThat(shortcodes(agent, "&q=%25" + marker)).isEmpty();
        assertThat(shortcodes(agent, "")).contains(byCode, byTitle);
    }

    @Test
    void aShortcodeIsUniqueAlsoUnderARace() throws Exception {
        String code = unique("dup");
        assertThat(create(code, "First", "one").status()).isEqualTo(201);
        Response again = create(code.toUpperCase(), "Second", "two");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");

        // Renaming another one onto a taken shortcode is refused too.
        String other = create(unique("other"), "Other", "three").data().path("id").asText();
        Response rename = api.send("PUT", PATH + "/" + other, admin,
                "{\"shortcode\":\"" + code + "\",\"title\":\"Other\",\"content\":\"three\"}");
        assertThat(rename.status()).isEqualTo(409);

        // Eight admins save the same new shortcode at the same moment: exactly one wins.
        String raced = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                go.await();
                return create(raced, "Race " + n, "content " + n).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) statuses.add(answer.get());
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        assertThat(shortcodes(admin, "&q=" + raced)).containsExactly(raced);
    }

    @Test
    void badCannedResponsesAreRefused() {
        for (String body : List.of("{}", "{\"shortcode\":\"a b\",\"title\":\"t\",\"content\":\"c\"}",
                "{\"shortcode\":\"" + "x".repeat(33) + "\",\"title\":\"t\",\"content\":\"c\"}",
                "{\"shortcode\":\"ok\",\"title\":\" \",\"content\":\"c\"}",
                "{\"shortcode\":\"ok\",\"title\":\"t\",\"content\":\"\"}",
                "{\"shortcode\":5,\"title\":\"t\",\"content\":\"c\"}",
                "{\"shortcode\":\"ok\",\"title\":\"t\",\"content\":\"" + "c".repeat(4001) + "\"}",
                "{\"shortcode\":\"ok\",\"title\":\"t\",\"content\":\"a\\u0000b\"}")) {
            Response r = api.postRaw(PATH, admin, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
        for (String query : List.of("?limit=0", "?limit=101", "?page=0", "?q=" + "q".repeat(201))) {
            assertThat(api.get(PATH + query, admin).status()).as(query).isEqualTo(400);
        }
    }

    @Test
    void agentsReadAdminsWriteAndNobodyElse() {
        String agent = createStaff("agent");
        String auditor = createStaff("auditor");
        String customer = customer();
        String id = create(unique("roles"), "Roles", "content").data().path("id").asText();
        String body = "{\"shortcode\":\"" + unique("nope") + "\",\"title\":\"t\",\"content\":\"c\"}";

        assertThat(api.get(PATH, agent).status()).isEqualTo(200);
        assertThat(api.get(PATH, admin).status()).isEqualTo(200);
        for (String token : List.of(auditor, customer)) {
            assertThat(api.get(PATH, token).status()).isEqualTo(403);
        }
        assertThat(api.get(PATH, null).status()).isEqualTo(401);
        for (String token : List.of(agent, auditor, customer)) {
            assertThat(api.postRaw(PATH, token, body).status()).isEqualTo(403);
            assertThat(api.send("PUT", PATH + "/" + id, token, body).status()).isEqualTo(403);
            Response delete = api.send("DELETE", PATH + "/" + id, token, null);
            assertThat(delete.status()).isEqualTo(403);
            assertThat(delete.errorCode()).isEqualTo("FORBIDDEN");
        }
        assertThat(shortcodes(agent, "").size()).isPositive();
    }
}
