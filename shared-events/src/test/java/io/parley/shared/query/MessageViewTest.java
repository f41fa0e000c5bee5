package io.parley.shared.query;

import io.parley.shared.Role;
import io.parley.shared.event.Attachment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewTest {

    @Test
    void anAdminAnswersAsAnAgentAndTheSystemAsSystem() {
        assertThat(MessageView.senderType(Role.ADMIN)).isEqualTo("agent");
        assertThat(MessageView.senderType(Role.AGENT)).isEqualTo("agent");
        assertThat(MessageView.senderType(Role.GUEST)).isEqualTo("guest");
        assertThat(MessageView.senderType(Role.USER)).isEqualTo("user");
        assertThat(MessageView.senderType(Role.SYSTEM)).isEqualTo("system");
    }

    @Test
    void attachmentsPointAtTheMediaEndpointAndOnlyImagesHaveAThumbnail() {
        assertThat(MessageView.attachments(List.of(new Attachment("m-1", "a.png", "image/png", 10),
                new Attachment("m-2", "b.pdf", "application/pdf", 20))))
                .containsExactly(new MediaView("m-1", "a.png", "image/png", 10, "/api/media/m-1",
                                "/api/media/m-1/thumbnail"),
                        new MediaView("m-2", "b.pdf", "application/pdf", 20, "/api/media/m-2", null));
    }
}
