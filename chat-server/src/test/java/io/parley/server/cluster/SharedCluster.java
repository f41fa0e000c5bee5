package io.parley.server.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * One plain two-node cluster (default settings, no faults) shared by every test class that only uses it, started
 * by the first of them and stopped when the test run ends: each start costs the build about a minute. Classes
 * that change settings, kill nodes or bring their own database or Redis start a cluster of their own. Every class
 * sharing it works on users and chats of its own, so they never see each other's data.
 */
final class SharedCluster implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    /** Stops the cluster when JUnit closes the root context's store, after the last test class. */
    private record Running(LocalCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.stop();
        }
    }

    private static volatile LocalCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("cluster", key -> new Running(LocalCluster.start("shared", Map.of())),
                        Running.class)
                .cluster();
    }

    /** The shared cluster; only within a class extended with {@code SharedCluster}. */
    static LocalCluster cluster() {
        if (cluster == null) throw new IllegalStateException("extend the test class with SharedCluster");
        return cluster;
    }
}
