package io.parley.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.List;

/** Stores a message's attachment ids as a JSON array: ids are opaque, so no separator character is safe. */
@Converter
class AttachmentIdsConverter implements AttributeConverter<List<String>, String> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> ids) {
        try {
            return JSON.writeValueAsString(ids == null ? List.of() : ids);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attachment ids cannot be written as JSON", e);
        }
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) return List.of();
        try {
            return List.copyOf(JSON.readValue(column, IDS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachment ids are not a JSON array: " + column, e);
        }
    }
}
