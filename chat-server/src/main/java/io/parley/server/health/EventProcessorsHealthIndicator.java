package io.parley.server.health;

import io.parley.query.config.QuerySideConfig;
import io.parley.query.deadletters.DeadLetters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports each event processor in {@code /actuator/health}: down when one stopped or a segment is in error. Dead
 * letters do not make it down, since every other chat flows on; they show as {@code deadLetters} per read model
 * and a {@code degraded} flag, for a person to look at ({@code GET /api/admin/dead-letters}).
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {
    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        long parked = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("running", processor.isRunning());
            boolean ok = processor.isRunning();
            if (processor instanceof StreamingEventProcessor streaming) {
                boolean segmentError = streaming.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
                info.put("error", streaming.isError() || segmentError);
                info.put("replaying", streaming.isReplaying());
                info.put("segmentsClaimed", streaming.processingStatus().size());
                ok = ok && !streaming.isError() && !segmentError;
            }
            if (QuerySideConfig.READ_MODELS.equals(entry.getKey())) {
                long count = deadLetters.count();
                info.put("deadLetters", count);
                parked += count;
            }
            healthy &= ok;
            details.put(entry.getKey(), info);
        }
        builder.status(healthy ? Health.up().build().getStatus() : Health.down().build().getStatus())
                .withDetails(details)
                .withDetail("deadLetters", parked)
                .withDetail("degraded", parked > 0);
    }
}
