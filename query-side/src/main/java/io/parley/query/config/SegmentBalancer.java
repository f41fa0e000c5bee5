package io.parley.query.config;

import io.parley.query.chat.ProjectionSignals;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares each read model's segments evenly over the live nodes. Axon's tracking processors claim any free
 * segment, so the first node to start holds them all; a node holding more than ceil(segments / live nodes)
 * releases the surplus for a while, and an idle thread of another node claims it. A dead node drops out of
 * the membership before its claims lapse, so the survivors never hand its segments back to it.
 */
class SegmentBalancer {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final NodeMembership membership;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ProcessorProperties properties;
    private final ProjectionSignals signals;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(NodeMembership membership, EventProcessingConfiguration processing, TokenStore tokens,
                    TransactionManager transactions, ProcessorProperties properties, ProjectionSignals signals) {
        this.membership = membership;
        this.signals = signals;
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Starts once the processors run, so a node joins the membership only when it can take segments over. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.balanceInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            membership.renew();
            int nodes = membership.liveNodes();
            signals.nodesSharingProjections(nodes);
            processing.eventProcessor(QuerySideConfig.READ_MODELS, StreamingEventProcessor.class)
                    .filter(StreamingEventProcessor::isRunning)
                    .ifPresent(processor -> balance(processor, nodes));
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the next tick tries again.
            log.warn("segment balancing skipped: {}", e.toString());
        }
    }

    private void balance(StreamingEventProcessor processor, int nodes) {
        int segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor.getName())).length;
        int fairShare = (segments + nodes - 1) / nodes;
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder()).toList();
        int surplus = held.size() - fairShare;
        if (surplus <= 0) return;
        List<Integer> released = held.subList(0, surplus);
        log.info("processor {} holds {} of {} segments with {} live nodes; releasing {} to the others",
                processor.getName(), held.size(), segments, nodes, released);
        long releaseMillis = properties.releaseDuration().toMillis();
        released.forEach(segment -> processor.releaseSegment(segment, releaseMillis, TimeUnit.MILLISECONDS));
    }

    /** Stops first thing on shutdown and leaves, so the others take this node's share without waiting. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        membership.leave();
    }
}
