package io.parley.command.config;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import java.net.URI;
import java.util.UUID;
import java.util.OptionalLong;

/** Wiring of the command side: snapshots of conversations and the in-transaction policy processor. */
@Configuration
@EnableConfigurationProperties(CommandSideProperties.class)
public class CommandSideConfig {
    static final int CACHED_CONVERSATIONS = 10_000;

    /** A chat of 10,000 messages loads from its latest snapshot plus fewer than the threshold of events. */
    @Bean
    public SnapshotTriggerDefinition conversationSnapshotTrigger(Snapshotter snapshotter,
                                                                 CommandSideProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * Snapshots are taken after the command that triggers them has answered, on a thread of their own, never on
     * the socket worker that sent the message. Overdue snapshots beyond the queue are skipped: the next one is
     * {@code CHAT_SNAPSHOT_THRESHOLD} events later, and a chat loads the same without it, only slower.
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           SnapshotThread snapshotThread) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread.executor())
                .build();
    }

    /**
     * Not an Executor bean: one of those would replace Spring Boot's application task executor. Stopped before the
     * database, so that a snapshot in progress can finish.
     */
    @Bean
    @DependsOn("dataSource")
    SnapshotThread snapshotThread() {
        return new SnapshotThread();
    }

    /**
     * Each node keeps its busiest chats in memory between commands: a send then loads nothing from the event store.
     * The cache holds them strongly, up to {@value #CACHED_CONVERSATIONS} (least recently used go first): Axon's
     * weak-reference cache lost them at every young collection, and the chat benchmark's profile showed a third
     * of the command path reloading and deserialising chats. On several nodes ({@code CHAT_REDIS_URL} set) another
     * node's append would leave a cached chat stale, and a command that appends nothing (assigning the current
     * holder again) would decide on it unseen, so there a cached chat is checked against the event store's last
     * seq of it before each use ({@link StoreCheckedCache}).
     */
    @Bean
    public Cache conversationCache(@Value("${chat.redis-url:}") String redisUrl, CacheManager caches,
                                   ObjectProvider<EventStore> eventStore) {
        boolean clustered = redisUrl != null && !redisUrl.isBlank();
        LoggerFactory.getLogger(CommandSideConfig.class).info("conversation aggregate cache: {} chats, {}",
                CACHED_CONVERSATIONS, clustered ? "checked against the event store (several nodes)" : "one node");
        CaffeineConfiguration<Object, Object> settings = new CaffeineConfiguration<>();
        settings.setMaximumSize(OptionalLong.of(CACHED_CONVERSATIONS));
        // By reference: a cached chat is the live aggregate, never a copy.
        settings.setStoreByValue(false);
        Cache cache = new JCacheAdapter(caches.createCache("conversations", settings));
        return clustered ? new StoreCheckedCache(cache, eventStore::getObject) : cache;
    }

    /**
     * This application's own JCache manager: the provider is one per JVM, and two applications in one JVM (as
     * in the tests) must not share cached chats. Closed with the application.
     */
    @Bean(destroyMethod = "close")
    CacheManager conversationCacheManager() {
        CachingProvider provider = Caching.getCachingProvider(CaffeineCachingProvider.class.getName());
        return provider.getCacheManager(URI.create("parley:" + UUID.randomUUID()), getClass().getClassLoader());
    }

    /** Lookups that decide commands (active chat per customer, auto-close deadlines) commit with the events. */
    @Bean
    public ConfigurerModule commandPoliciesAreSubscribing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor("chat-policies");
    }
}
