package io.parley.server.config;

import io.parley.realtime.server.SocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where it listens and where its data lives, once it accepts traffic. */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final ObjectProvider<SocketServer> sockets;

    StartupReport(ObjectProvider<SocketServer> sockets) {
        this.sockets = sockets;
    }

    private Object socketPort(Environment env) {
        SocketServer server = sockets.getIfAvailable();
        return server != null && server.port() > 0 ? server.port() : env.getProperty("chat.socket-port", "9092");
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int httpPort = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String url = env.getProperty("spring.datasource.url", "");
        String database = url.startsWith("jdbc:h2:") ? "embedded H2 in " + env.getProperty("chat.data-dir")
                : url.replaceAll("password=[^&;]*", "password=***");
        log.info("Parley is ready: agent console http://localhost:{}/console/ (customer widget /widget/), "
                + "REST /api (docs /swagger-ui.html), Socket.IO port {}, database {}", httpPort, socketPort(env),
                database);
    }
}
