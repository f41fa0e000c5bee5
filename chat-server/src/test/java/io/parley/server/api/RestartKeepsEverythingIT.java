package io.parley.server.api;

import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api;
import io.parley.server.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default as the README runs it: H2 files and a generated secret in the data dir survive a restart. */
class RestartKeepsEverythingIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ChatServerApplication.class).run(
                "--chat.data-dir=" + dataDir, "--server.port=0", "--chat.socket-port=0",
                "--chat.admin-email=admin@restart.test", "--chat.admin-password=admin-password-1");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void chatsAccountsAndTokensSurviveARestart(@TempDir Path dataDir) {
        String token;
        String chatId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            Response registered = api.post("/api/auth/register", null,
                    Map.of("name", "Remy", "email", "remy@example.com", "password", "remy-password-1"));
            token = registered.data().path("token").asText();
            Response started = api.post("/api/chats", token, Map.of("message", "Will you remember me?"));
            assertThat(started.status()).isEqualTo(201);
            chatId = started.data().path("chat").path("id").asText();
        }
        assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isTrue();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            Response chat = api.get("/api/chats/" + chatId, token);
            assertThat(chat.status()).as("the old token still verifies: the secret was kept").isEqualTo(200);
            assertThat(chat.data().path("lastMessage").path("content").asText()).isEqualTo("Will you remember me?");
            Response login = api.post("/api/auth/login", null,
                    Map.of("email", "remy@example.com", "password", "remy-password-1"));
            assertThat(login.status()).isEqualTo(200);
            Response more = api.post("/api/chats/" + chatId + "/messages", token, Map.of("content", "Still here"));
            assertThat(more.data().path("seq").asLong()).isEqualTo(2);
        }
    }
}
