package io.parley.server.support;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test against a real PostgreSQL in a fresh schema: {@code CHAT_TEST_DB_URL}, else
 * 127.0.0.1:5432/test, else a Testcontainers PostgreSQL where Docker runs. Skipped loudly when none is reachable,
 * and failed instead when {@code CHAT_TEST_REQUIRE_POSTGRES=true} (as in CI).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
public @interface PostgresDatabase {
}
