package io.parley.server.realtime;

import io.parley.realtime.server.SocketServer;
import io.parley.server.ChatServerApplication;
import io.parley.server.support.Api.Response;
import io.parley.server.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh start on a store full of history pushes nothing old: only what happens after the start. */
class RealtimeFreshStartIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ChatServerApplication.class).run(
                "--chat.data-dir=" + dataDir, "--server.port=0", "--chat.socket-port=0",
                "--chat.admin-email=admin@fresh.test", "--chat.admin-password=admin-password-1");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aRestartedServerSendsNothingOldToClients(@TempDir Path dataDir) {
        String chatId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            String customer = api.post("/api/auth/register", null, Map.of("name", "Remy",
                    "email", "remy@example.com", "password", "remy-password-1")).data().path("token").asText();
            chatId = api.post("/api/chats", customer, Map.of("message", "Before the restart")).data()
                    .path("chat").path("id").asText();
            for (int i = 0; i < 5; i++) {
                api.post("/api/chats/" + chatId + "/messages", customer, Map.of("content", "old " + i));
            }
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            Response login = api.post("/api/auth/login", null,
                    Map.of("email", "admin@fresh.test", "password", "admin-password-1"));
            String admin = login.data().path("token").asText();
            int port = second.getBean(SocketServer.class).port();
            try (TestSocket socket = TestSocket.open("admin", port, admin, RealtimeTestBase.WEBSOCKET).connected()) {
                socket.assertNo("newMessage", m -> true, Duration.ofSeconds(2));
                assertThat(socket.names()).containsExactly("connect");

                api.post("/api/chats/" + chatId + "/assign", admin, null);
                socket.await("chatAssigned", a -> a.path("chatId").asText().equals(chatId));
                assertThat(socket.all("newChat")).as("no chat of before the start is announced").isEmpty();
            }
        }
    }
}
