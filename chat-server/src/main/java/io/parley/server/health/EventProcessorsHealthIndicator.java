package io.parley.server.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reports each event processor in {@code /actuator/health}: down when one stopped or a segment is in error. */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {
    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
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
            healthy &= ok;
            details.put(entry.getKey(), info);
        }
        builder.status(healthy ? Health.up().build().getStatus() : Health.down().build().getStatus())
                .withDetails(details);
    }
}
