package io.parley.query.history;

import io.parley.shared.event.Attachment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsConverterTest {
    private final AttachmentsConverter converter = new AttachmentsConverter();

    @Test
    void attachmentsComeBackExactlyEvenWithSeparatorsInTheirNames() {
        List<Attachment> attachments = List.of(new Attachment("a,b", "c\"d, é.pdf", "application/pdf", 12),
                new Attachment("m-2", "photo.png", "image/png", 3456));

        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(attachments)))
                .isEqualTo(attachments);
    }

    @Test
    void rowsFromBeforeMetadataReadAsFilesOfUnknownType() {
        assertThat(converter.convertToEntityAttribute("[\"m-1\"]"))
                .containsExactly(new Attachment("m-1", "m-1", "application/octet-stream", 0));
    }

    @Test
    void noAttachmentsIsAnEmptyList() {
        assertThat(converter.convertToDatabaseColumn(null)).isEqualTo("[]");
        assertThat(converter.convertToEntityAttribute("[]")).isEmpty();
    }
}
