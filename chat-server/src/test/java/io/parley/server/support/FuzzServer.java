package io.parley.server.support;

import io.parley.server.ChatServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One whole server for the jqwik fuzz suites, which run outside Spring's test context: started on first use on
 * random ports and an in-memory H2 database, shared by every fuzz class of the JVM, stopped with the JVM.
 */
public final class FuzzServer {
    private static ConfigurableApplicationContext context;

    private FuzzServer() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(ChatServerApplication.class)
                    .initializers(new H2DatabaseInitializer())
                    // An argument, not a default property: application.yml's server.port outranks defaults,
                    // and a fuzz run then fails whenever anything else holds 8080.
                    .run("--server.port=0");
        }
        return context;
    }

    public static int httpPort() {
        return ((WebServerApplicationContext) context()).getWebServer().getPort();
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }
}
