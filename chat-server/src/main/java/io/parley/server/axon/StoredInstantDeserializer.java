package io.parley.server.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.Instant;

/**
 * The instants in stored events ({@code sentAt}, {@code startedAt} …) read through {@link UtcInstants}; any
 * other form, and every error, is Jackson's own {@link InstantDeserializer}'s.
 */
final class StoredInstantDeserializer extends StdScalarDeserializer<Instant> {
    StoredInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant instant = UtcInstants.commonForm(parser.getText());
            if (instant != null) return instant;
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
