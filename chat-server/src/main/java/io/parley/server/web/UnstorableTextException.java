package io.parley.server.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.parley.shared.StorableText;

/** A JSON string value Parley cannot store as sent (NUL, a lone surrogate); Jackson adds the field's path. */
class UnstorableTextException extends JsonMappingException {

    UnstorableTextException(JsonParser parser) {
        super(parser, StorableText.PROBLEM);
    }
}
