package io.parley.server.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's JDBC engine, except that the events processors read give their time through {@link UtcInstants}: Axon
 * keeps the stored text and parses it with a formatter that Java 17 rebuilds on every call, once for each event
 * every processor handles.
 */
public class TimestampReadingEngine extends JdbcEventStorageEngine {
    protected TimestampReadingEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        if (!(data instanceof TrackedDomainEventData<?> event)) return data;
        String stored = resultSet.getString(schema().timestampColumn());
        return new TrackedDomainEventData<>(event.trackingToken(), new Timed<>(event, stored));
    }

    /** The event as stored, with its time parsed once, when first asked. */
    private static final class Timed<T> implements DomainEventData<T> {
        private final DomainEventData<T> event;
        private final String stored;
        private Instant timestamp;

        Timed(DomainEventData<T> event, String stored) {
            this.event = event;
            this.stored = stored;
        }

        @Override
        public Instant getTimestamp() {
            Instant parsed = timestamp;
            if (parsed == null) timestamp = parsed = UtcInstants.parse(stored);
            return parsed;
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return event.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }
    }
}
