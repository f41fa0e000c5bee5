package io.parley.server.cluster;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;

/**
 * Runs a Testcontainers cluster test only where a Docker engine answers (and the jar is built). Skipped loudly
 * elsewhere, CI included: its machines have no Docker engine, and the same races run there on local services.
 */
public class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = null;
        if (!Files.isRegularFile(LocalCluster.jar())) {
            why = "no " + LocalCluster.jar() + " (the cluster runs the built jar)";
        } else if (!docker()) {
            why = "no Docker engine for Testcontainers";
        }
        if (why == null) return ConditionEvaluationResult.enabled("Docker answers");
        System.err.println("\n*** SKIPPED TESTCONTAINERS CLUSTER TEST: " + context.getDisplayName() + " — " + why
                + ". The same races run against local PostgreSQL and Redis in the other *ClusterIT classes. ***\n");
        return ConditionEvaluationResult.disabled(why);
    }

    private static boolean docker() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }
}
