package io.parley.server.lifecycle;

import io.parley.server.cluster.LocalCluster;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import io.parley.server.support.PostgresAvailable;
import io.parley.server.support.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service manager stops the packaged jar with SIGTERM after it served some traffic, while a customer keeps
 * sending over a socket and over REST: it exits within the timeout and its log has no ERROR line and no stack
 * trace, start to stop. Once on the embedded H2 default, once
 * on PostgreSQL (a fresh schema) when one is reachable. Logs stay in chat-server/target/clean-stop-it.
 */
class CleanStopJarIT {
    /** Spring Boot's console pattern: time, level, pid, "---". */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\s+\\d+\\s+---");
    /** A stack trace's frames, causes, or an exception's first line. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "^\\s+at [\\w.$<>/]+\\(|^Caused by: |^\\s*\\.\\.\\. \\d+ more|^[\\w.$]+(Exception|Error)(: |$)");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void theEmbeddedDefaultStopsOnSigtermWithoutErrors(@TempDir Path dataDir) {
        servesThenStopsCleanly("h2", dataDir, Map.of());
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void onPostgresqlItStopsOnSigtermWithoutErrors(@TempDir Path dataDir) {
        PostgresServer server = PostgresServer.get().orElseThrow();
        servesThenStopsCleanly("postgresql", dataDir, Map.of(
                "CHAT_DB_URL", server.freshSchemaUrl(),
                "CHAT_DB_USER", server.user(),
                "CHAT_DB_PASSWORD", server.password(),
                "CHAT_JWT_SECRET", "clean-stop-secret-0123456789-0123456789-0123456789"));
    }

    private static void servesThenStopsCleanly(String name, Path dataDir, Map<String, String> env) {
        Path log = logFile(name);
        int exit;
        try (JarProcess node = JarProcess.start(dataDir, log, env)) {
            Api api = node.api();
            People stella = traffic(api);
            // The packaged configuration serves the scrape (tests' own contexts export no metrics by default).
            HttpResponse<String> scrape = node.getText("/actuator/prometheus", stella.admin());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("parley_send_ack_seconds_count{transport=\"rest\"}");
            try (SteadyTraffic steady = SteadyTraffic.start(api, node.socketPort(), stella.token(), stella.chatId())) {
                steady.awaitFlowing(Duration.ofSeconds(60));
                exit = node.terminate(STOP_TIMEOUT);
            }
        }
        List<String> lines = readLines(log);
        assertThat(lines).as("the log (%s) shows the start", log)
                .anyMatch(line -> line.contains("Started ChatServerApplication"));
        assertThat(matching(lines, ERROR_LINE)).as("ERROR lines in %s", log).isEmpty();
        assertThat(matching(lines, STACK_TRACE)).as("stack trace lines in %s", log).isEmpty();
        // 143: the JVM ended by SIGTERM after its shutdown hooks ran; 0 if the application exited itself.
        assertThat(exit).as("exit code").isIn(0, 143);
    }

    /** The customer who keeps sending (token, chat) and the admin who scrapes. */
    private record People(String token, String chatId, String admin) {
    }

    /** A customer registers and chats with an agent, a guest opens a chat, and the read models answer. */
    private static People traffic(Api api) {
        String admin = token(api.post("/api/auth/login", null,
                Map.of("email", JarProcess.ADMIN_EMAIL, "password", JarProcess.ADMIN_PASSWORD)));
        String customer = token(api.post("/api/auth/register", null, Map.of("name", "Stella",
                "email", "stella-" + UUID.randomUUID() + "@example.com", "password", "stella-password-1")));
        Response started = api.post("/api/chats", customer, Map.of("message", "Before the stop"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        String chatId = started.data().path("chat").path("id").asText();
        assertThat(api.post("/api/chats/" + chatId + "/assign", admin, null).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Response sent = api.post("/api/chats/" + chatId + "/messages", i % 2 == 0 ? customer : admin,
                    Map.of("content", "message " + i));
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(201);
        }
        Response guest = api.post("/api/chats/guest", null, Map.of("name", "Gail", "message", "Hello"));
        assertThat(guest.status()).as(guest.body().toString()).isEqualTo(201);
        Response history = api.get("/api/chats/" + chatId + "/messages", customer);
        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        return new People(customer, chatId, admin);
    }

    private static List<String> matching(List<String> lines, Pattern pattern) {
        return lines.stream().filter(line -> pattern.matcher(line).find()).toList();
    }

    private static String token(Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
        return response.data().path("token").asText();
    }

    private static Path logFile(String name) {
        try {
            Path dir = Files.createDirectories(LocalCluster.root().resolve("chat-server/target/clean-stop-it"));
            return dir.resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
