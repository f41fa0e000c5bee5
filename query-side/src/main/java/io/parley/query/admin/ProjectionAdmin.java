package io.parley.query.admin;

import io.parley.query.config.QuerySideConfig;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.query.ProjectionStatusView;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Shows how far each read model is, and rebuilds one from the event store while the system keeps serving. */
@Service
public class ProjectionAdmin {
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Set<String> resetting = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionAdmin(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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
    public void replay(String name) {
        StreamingEventProcessor processor = processor(name);
        if (processor.isReplaying() || !resetting.add(name)) {
            throw ChatRejectedException.conflict("ALREADY_REPLAYING", name + " is already being rebuilt");
        }
        executor.submit(() -> {
            try {
                processor.shutDown();
                processor.resetTokens();
                log.info("projection {} reset; rebuilding from the first event", name);
            } catch (RuntimeException e) {
                // Another node may hold some of its segments: the rebuild must then be started there too.
                log.warn("projection {} could not be reset: {}", name, e.getMessage());
            } finally {
                processor.start();
                resetting.remove(name);
            }
        });
    }

    private ProjectionStatusView status(String name, OptionalLong head) {
        StreamingEventProcessor processor = processor(name);
        boolean replaying = resetting.contains(name) || processor.isReplaying();
        OptionalLong position = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        Long pos = position.isPresent() ? position.getAsLong() : null;
        Long lag = pos == null || head.isEmpty() ? null : Math.max(0, head.getAsLong() - pos);
        return new ProjectionStatusView(name, replaying ? "replaying" : "live", pos, lag);
    }

    private StreamingEventProcessor processor(String name) {
        if (!QuerySideConfig.PROJECTIONS.contains(name)) throw ChatRejectedException.notFound("projection");
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> ChatRejectedException.notFound("projection"));
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
