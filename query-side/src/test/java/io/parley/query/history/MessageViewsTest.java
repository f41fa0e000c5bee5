package io.parley.query.history;

import io.parley.shared.Role;
import io.parley.shared.query.MediaView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewsTest {

    @Test
    void anAdminAnswersAsAnAgentAndTheSystemAsSystem() {
        assertThat(MessageViews.senderType(Role.ADMIN)).isEqualTo("agent");
        assertThat(MessageViews.senderType(Role.AGENT)).isEqualTo("agent");
        assertThat(MessageViews.senderType(Role.GUEST)).isEqualTo("guest");
        assertThat(MessageViews.senderType(Role.USER)).isEqualTo("user");
        assertThat(MessageViews.senderType(Role.SYSTEM)).isEqualTo("system");
    }

    @Test
    void attachmentsPointAtTheMediaEndpoint() {
        assertThat(MessageViews.attachments(List.of("m-1")))
                .containsExactly(new MediaView("m-1", null, null, 0, "/api/media/m-1"));
    }
}
