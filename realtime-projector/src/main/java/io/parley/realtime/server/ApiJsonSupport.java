package io.parley.realtime.server;

import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.netty.buffer.ByteBufInputStream;
import io.parley.realtime.dispatch.UnknownEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * netty-socketio's JSON, made to write what the REST API writes: times as ISO-8601 UTC with exactly three
 * fraction digits, and null fields present ({@code assignedAgent: null}) rather than dropped.
 */
public final class ApiJsonSupport extends JacksonJsonSupport {
    /**
     * The name an event arrives under when no listener has its own name: netty-socketio would drop it unanswered.
     * Its one argument is the name the client used; {@link UnknownEvent} answers it.
     */
    public static final String UNKNOWN = "parley:unknown-event";
    /**
     * The name an event arrives under when its JSON cannot be read (malformed, or nested deeper than
     * {@link #MAX_NESTING}): netty-socketio would close the socket unanswered. Its one argument says why;
     * {@link io.parley.realtime.dispatch.UnreadablePayload} answers it.
     */
    public static final String UNREADABLE = "parley:unreadable-payload";
    /** No payload of the contract nests beyond a few levels; Jackson's own limit (1,000) invites stack abuse. */
    static final int MAX_NESTING = 64;

    /** Null fields are written, as the REST API writes them. */
    private static final JsonInclude.Value NULLS_INCLUDED = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
            JsonInclude.Include.ALWAYS);
    static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ApiJsonSupport() {
        super(apiTimes());
    }

    /**
     * Called for every listener added to a namespace: these names are the events the server knows, per namespace
     * (a dialect's {@code send_message} is unknown on {@code /}, Parley's {@code sendMessage} on a dialect's).
     */
    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        known.add(key(namespaceName, eventName));
        super.addEventMapping(namespaceName, eventName, eventClass);
    }

    @Override
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        T value;
        try {
            value = super.readValue(namespaceName, src, valueType);
        } catch (JsonProcessingException unreadable) {
            if (valueType != Event.class) throw unreadable;
            return valueType.cast(new Event(UNREADABLE, List.of(reason(unreadable))));
        }
        if (value instanceof Event event && !known.contains(key(namespaceName, event.getName()))) {
            String name = event.getName() == null ? "" : event.getName();
            return valueType.cast(new Event(UNKNOWN, List.of(name)));
        }
        return value;
    }

    private static String key(String namespaceName, String eventName) {
        return (namespaceName == null ? "" : namespaceName) + '\u0000' + eventName;
    }

    private static String reason(JsonProcessingException unreadable) {
        return unreadable instanceof StreamConstraintsException
                ? "the payload nests deeper than " + MAX_NESTING + " levels"
                : "the payload is not valid JSON";
    }

    @Override
    protected void init(ObjectMapper objectMapper) {
        super.init(objectMapper);
        objectMapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        objectMapper.setDefaultPropertyInclusion(NULLS_INCLUDED);
    }

    /** A mapper writing exactly what this JSON support writes, for relaying payloads between nodes. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(apiTimes());
        mapper.setDefaultPropertyInclusion(NULLS_INCLUDED);
        mapper.configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return mapper;
    }

    private static SimpleModule apiTimes() {
        SimpleModule module = new SimpleModule("parley-socket-times");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(API_TIME.format(value));
            }
        });
        return module;
    }
}
