package io.parley.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.shared.event.Attachment;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores a message's attachments (id, name, type, size) as a JSON array in the {@code attachment_ids} column.
 * Rows written before attachments had metadata hold bare ids; those read as files of unknown type.
 */
@Converter
class AttachmentsConverter implements AttributeConverter<List<Attachment>, String> {
    static final String UNKNOWN_TYPE = "application/octet-stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<Attachment> attachments) {
        try {
            return JSON.writeValueAsString(attachments == null ? List.of() : attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attachments cannot be written as JSON", e);
        }
    }

    @Override
    public List<Attachment> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) return List.of();
        try {
            List<Attachment> attachments = new ArrayList<>();
            for (JsonNode item : JSON.readTree(column)) {
                attachments.add(item.isTextual()
                        ? new Attachment(item.asText(), item.asText(), UNKNOWN_TYPE, 0)
                        : new Attachment(item.path("id").asText(), item.path("name").asText(),
                        item.path("contentType").asText(UNKNOWN_TYPE), item.path("size").asLong()));
            }
            return List.copyOf(attachments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attachments are not a JSON array: " + column, e);
        }
    }
}
