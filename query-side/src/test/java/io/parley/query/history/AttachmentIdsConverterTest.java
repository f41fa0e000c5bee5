package io.parley.query.history;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentIdsConverterTest {
    private final AttachmentIdsConverter converter = new AttachmentIdsConverter();

    @Test
    void idsComeBackExactlyEvenWithSeparatorsInThem() {
        List<String> ids = List.of("a,b", "c\"d", "é");

        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(ids))).isEqualTo(ids);
    }

    @Test
    void noAttachmentsIsAnEmptyList() {
        assertThat(converter.convertToDatabaseColumn(null)).isEqualTo("[]");
        assertThat(converter.convertToEntityAttribute("[]")).isEmpty();
    }
}
