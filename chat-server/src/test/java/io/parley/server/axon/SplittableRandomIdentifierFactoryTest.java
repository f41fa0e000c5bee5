package io.parley.server.axon;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SplittableRandomIdentifierFactoryTest {
    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private final SplittableRandomIdentifierFactory factory = new SplittableRandomIdentifierFactory();

    @Test
    void axonFindsThisFactoryThroughTheServiceLoader() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(SplittableRandomIdentifierFactory.class);
    }

    @Test
    void anIdentifierIsAVersion4Uuid() {
        for (int i = 0; i < 1_000; i++) {
            String id = factory.generateIdentifier();
            assertThat(id).matches(UUID_V4);
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
        }
    }

    @Test
    void identifiersFromManyThreadsAreAllDistinct() throws InterruptedException {
        int threads = 8;
        int perThread = 50_000;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            IntStream.range(0, threads).forEach(t -> pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(factory.generateIdentifier());
                }
            }));
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(seen).hasSize(threads * perThread);
    }
}
