package io.parley.server.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cluster races on throw-away PostgreSQL 16 and Redis 7 containers, for machines with Docker but without
 * local services. The two nodes still run from the built jar on the host, reaching the containers' ports.
 */
@ExtendWith(DockerAvailable.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ContainerClusterIT {
    private static PostgreSQLContainer<?> postgres;
    private static GenericContainer<?> redis;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        postgres = new PostgreSQLContainer<>("postgres:16-alpine");
        redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        postgres.start();
        redis.start();
        cluster = LocalCluster.start("containers", postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword(), "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379), Map.of());
    }

    @AfterAll
    static void stopAll() {
        if (cluster != null) cluster.stop();
        if (redis != null) redis.stop();
        if (postgres != null) postgres.stop();
    }

    @Test
    void concurrentSendsAndAssignsSettleOnContainers() throws Exception {
        ClusterRaces.concurrentSends(cluster, 200);
        ClusterRaces.simultaneousAssign(cluster, 3);
    }
}
