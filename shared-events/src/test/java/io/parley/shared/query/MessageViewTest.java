package io.parley.shared.query;

import io.parley.shared.Role;
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
    void attachmentsPointAtTheMediaEndpoint() {
        assertThat(MessageView.attachments(List.of("m-1")))
                .containsExactly(new MediaView("m-1", null, null, 0, "/api/media/m-1"));
    }
}
