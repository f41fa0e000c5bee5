package io.parley.server.cluster;

import io.parley.server.support.PostgresServer;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Runs a cluster test class only where its nodes can run: the built jar, a reachable PostgreSQL and Redis.
 * Otherwise skips it loudly, or fails it when {@code CHAT_TEST_REQUIRE_POSTGRES=true} (as in CI).
 */
public class ClusterAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = missing();
        if (why == null) return ConditionEvaluationResult.enabled("PostgreSQL, Redis and the jar are there");
        if ("true".equalsIgnoreCase(System.getenv("CHAT_TEST_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(why + " but CHAT_TEST_REQUIRE_POSTGRES=true");
        }
        System.err.println("\n*** SKIPPED CLUSTER TEST: " + context.getDisplayName() + " — " + why
                + ". Start PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (or set CHAT_TEST_DB_URL and"
                + " CHAT_REDIS_URL) and build the jar (./mvnw -DskipTests package) to run it. ***\n");
        return ConditionEvaluationResult.disabled(why);
    }

    private static String missing() {
        if (!Files.isRegularFile(LocalCluster.jar())) {
            return "no " + LocalCluster.jar() + " (the cluster runs the built jar)";
        }
        if (PostgresServer.get().isEmpty()) return "PostgreSQL not reachable";
        String redis = RedisPing.ping(LocalCluster.redisUrl());
        return redis == null ? null : "Redis not reachable at " + LocalCluster.redisUrl() + " (" + redis + ")";
    }
}
