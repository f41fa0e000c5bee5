package io.parley.server.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips a PostgreSQL test class loudly when no server is reachable, or fails it where one is required. */
public class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresServer.get().isPresent()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + PostgresServer.get().get().baseUrl());
        }
        String why = "PostgreSQL not reachable (" + PostgresServer.whyNot() + ")";
        if ("true".equalsIgnoreCase(System.getenv("CHAT_TEST_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(why + " but CHAT_TEST_REQUIRE_POSTGRES=true");
        }
        System.err.println("\n*** SKIPPED ON POSTGRESQL: " + context.getDisplayName() + " — " + why
                + ". Set CHAT_TEST_DB_URL or start PostgreSQL on 127.0.0.1:5432 to run it. ***\n");
        return ConditionEvaluationResult.disabled(why);
    }
}
