package io.parley.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;

/**
 * Reads an int only from a JSON integer: {@code "5"} and {@code 5.5} are refused instead of being coerced or
 * truncated (Jackson would turn 5.5 into 5), so the client learns its score was not what it meant.
 */
final class WholeNumber extends JsonDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw MismatchedInputException.from(parser, Integer.class, "must be a whole number");
        }
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw InvalidFormatException.from(parser, "must be a whole number from 1 to 5", parser.getText(),
                    Integer.class);
        }
        return parser.getIntValue();
    }
}
