package io.parley.server.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at a fresh schema of the reachable PostgreSQL. */
public class PostgresDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresServer server = PostgresServer.get().orElseThrow(
                () -> new IllegalStateException("PostgreSQL is not reachable: " + PostgresServer.whyNot()));
        TestProperties.apply(context, server.freshSchemaUrl(), server.user(), server.password());
    }
}
