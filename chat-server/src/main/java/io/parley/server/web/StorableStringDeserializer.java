package io.parley.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import io.parley.shared.StorableText;

import java.io.IOException;

/**
 * Reads every string of a request body as Jackson does, and refuses one Parley could not store as sent. One check
 * for all bodies, so no field (of today or tomorrow) can carry a NUL into an event the read models then choke on.
 */
class StorableStringDeserializer extends StdScalarDeserializer<String> {

    StorableStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && !StorableText.isStorable(value)) throw new UnstorableTextException(parser);
        return value;
    }
}
