package io.parley.query.admin;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.projection.ReadModelReset;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.ProjectionStatusView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Shows how far each read model is, and rebuilds one from the event store while the system keeps serving. The
 * read models share one processor ({@link QuerySideConfig#READ_MODELS}): they are as far as it is, and a rebuild
 * replays it for all of them, emptying only the read model asked for (the others skip what they already have).
 */
@Service
public class ProjectionAdmin {
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    /** How long a rebuild shows as starting while this node claims the segments (others may hold some). */
    private static final Duration CLAIMS_AWAITED = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    /** The read model last asked to be rebuilt: it is "replaying" while the processor replays. One at a time. */
    private volatile String rebuilding;
    /** True from a replay's request until its processor runs again. */
    private volatile boolean starting;
    /** The store's head when the last rebuild reset its processor, and when that was: the rebuild's goal and pace. */
    private volatile long resetHead;
    private volatile long resetNanos;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokens,
                           TransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.transactions = transactions;
    }

    public List<ProjectionStatusView> list() {
        OptionalLong head = position(eventStore.createHeadToken());
        return QuerySideConfig.PROJECTIONS.stream().map(name -> status(name, head)).toList();
    }

    /** One read model's status, as {@link #list()} shows it. */
    public ProjectionStatusView status(String name) {
        return status(name, position(eventStore.createHeadToken()));
    }

    /** Starts a rebuild in the background; the list shows it as replaying until it caught up. */
    public synchronized void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (starting || replaying(processor)) {
            String busy = rebuilding == null ? "a read model" : rebuilding;
            throw ChatRejectedException.conflict("ALREADY_REPLAYING", busy + " is already being rebuilt");
        }
        rebuilding = name;
        starting = true;
        executor.submit(() -> {
            // Split while the processor runs (Axon splits the segments it claims or can claim), before the reset.
            useEveryWorker(processor);
            try {
                processor.shutDown();
                resetHead = position(eventStore.createHeadToken()).orElse(0);
                resetNanos = System.nanoTime();
                processor.resetTokens(new ReadModelReset(name));
                log.info("projection {} reset; rebuilding from the first event", name);
            } catch (RuntimeException e) {
                // Another node may hold some of its segments: the rebuild must then be started there too.
                log.warn("projection {} could not be reset: {}", name, e.getMessage());
            } finally {
                processor.start();
                awaitClaims(processor);
                starting = false;
            }
        });
    }

    /**
     * Until the restarted processor has claimed its segments, the status would show the segments it claimed first
     * (perhaps caught up already) as the whole: "live" while another segment has not begun. Waits for every
     * segment, or a few seconds when other nodes hold some.
     */
    private void awaitClaims(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIMS_AWAITED.toNanos();
        try {
            int segments = segments().length;
            while (processor.processingStatus().size() < segments && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not count the read-model segments: {}", e.getMessage());
        }
    }

    /**
     * A lone node's processor has one segment (live traffic fills one batch per gathering window best), so a
     * replay would apply every event on one worker thread while the other idles. Splitting it lets both workers
     * rebuild half of the chats each; the split stays (segments are fixed once made), which live traffic bears well.
     */
    private void useEveryWorker(StreamingEventProcessor processor) {
        try {
            int[] segments = segments();
            if (segments.length >= QuerySideConfig.WORKERS) return;
            for (int segment : segments) {
                if (Boolean.TRUE.equals(processor.splitSegment(segment).join())) {
                    log.info("read-model segment {} split in two for the rebuild", segment);
                }
            }
        } catch (RuntimeException e) {
            log.warn("read-model segments could not be split for the rebuild: {}", e.getMessage());
        }
    }

    /** The read-model processor's segments, as the token table holds them. */
    private int[] segments() {
        return transactions.fetchInTransaction(() -> tokens.fetchSegments(QuerySideConfig.READ_MODELS));
    }

    private ProjectionStatusView status(String name, OptionalLong head) {
        StreamingEventProcessor processor = processor(name);
        boolean replaying = name.equals(rebuilding) && (starting || replaying(processor));
        OptionalLong position = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        Long lag = pos == null || head.isEmpty() ? null : Math.max(0, head.getAsLong() - pos);
        if (!replaying) return new ProjectionStatusView(name, "live", pos, lag, pos == null ? null : 1.0, null);
        return new ProjectionStatusView(name, "replaying", pos, lag, progress(pos), eventsPerSecond(pos));
    }

    /** How far the rebuild is towards the head it started from (positions are the store's global index). */
    private Double progress(Long position) {
        if (starting || position == null) return 0.0;
        if (resetHead <= 0) return null;
        return Math.min(1.0, Math.round(position * 1000.0 / resetHead) / 1000.0);
    }

    /** Events applied per second since the reset: the rebuild starts at the first event, so its position counts them. */
    private Double eventsPerSecond(Long position) {
        double seconds = (System.nanoTime() - resetNanos) / 1e9;
        if (starting || position == null || seconds <= 0) return null;
        return (double) Math.round(position / seconds);
    }

    /**
     * True while a segment this node holds has not reached the event that was the head at the reset. Not
     * {@link StreamingEventProcessor#isReplaying()}: it counts a segment as done once it is "caught up", and a freshly
     * restarted coordinator marks its segments caught up when the event stream has nothing buffered yet, before it
     * read a single event of the replay.
     */
    private static boolean replaying(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().anyMatch(ProjectionAdmin::replaying);
    }

    private static boolean replaying(EventTrackerStatus status) {
        return WrappedToken.unwrap(status.getTrackingToken(), ReplayToken.class).map(replay -> {
            OptionalLong until = replay.getTokenAtReset() == null
                    ? OptionalLong.empty() : replay.getTokenAtReset().position();
            return until.isPresent() && replay.position().orElse(0) < until.getAsLong();
        }).orElse(false);
    }

    private StreamingEventProcessor processor(String name) {
        if (!QuerySideConfig.PROJECTIONS.contains(name)) throw ChatRejectedException.notFound("projection");
        return processing.eventProcessor(QuerySideConfig.READ_MODELS, StreamingEventProcessor.class)
                .orElseThrow(() -> ChatRejectedException.notFound("projection"));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
