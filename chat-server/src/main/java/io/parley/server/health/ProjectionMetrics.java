package io.parley.server.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.parley.query.admin.ProjectionAdmin;
import io.parley.query.config.QuerySideConfig;
import io.parley.query.deadletters.DeadLetters;
import io.parley.shared.query.ProjectionStatusView;
import org.springframework.stereotype.Component;

import java.util.function.Function;

/**
 * Each read model's processor lag as metrics for a metrics system to watch and alert on:
 * {@code parley.projection.lag} (events behind the newest event) and {@code parley.projection.position}, tagged
 * {@code projection}, as this node sees them (for the segments it holds), like {@code GET /api/admin/projections};
 * and {@code parley.projection.dead.letters}, events a read model could not apply (one queue for the read models'
 * processor, shared by all nodes, see {@code GET /api/admin/dead-letters}). Each scrape reads the event store's
 * head once per gauge. Bound by the registry once the beans exist.
 */
@Component
class ProjectionMetrics implements MeterBinder {
    private final ProjectionAdmin admin;
    private final DeadLetters deadLetters;

    ProjectionMetrics(ProjectionAdmin admin, DeadLetters deadLetters) {
        this.admin = admin;
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("parley.projection.dead.letters", deadLetters, DeadLetters::count)
                .description("events a read model could not apply, parked in the dead-letter queue")
                .tag("processor", QuerySideConfig.READ_MODELS).register(registry);
        for (String name : QuerySideConfig.PROJECTIONS) {
            gauge(registry, admin, name, "parley.projection.lag", "events the projection is behind the newest",
                    ProjectionStatusView::lag);
            gauge(registry, admin, name, "parley.projection.position", "global index the projection reached",
                    ProjectionStatusView::position);
        }
    }

    private static void gauge(MeterRegistry registry, ProjectionAdmin admin, String name, String metric,
                              String description, Function<ProjectionStatusView, Long> field) {
        Gauge.builder(metric, admin, a -> {
            Long value = field.apply(a.status(name));
            return value == null ? Double.NaN : value;
        }).description(description).tag("projection", name).register(registry);
    }
}
