package io.parley.command.conversation;

import io.parley.command.attachments.AttachmentClaims;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.Attachment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.time.temporal.ChronoUnit;

/** Runs each conversation test on a fixture whose simulated time is {@link ConversationFixtures#T}. */
abstract class ConversationTestBase {
    protected AggregateTestFixture<Conversation> fixture;
    /** Media "media-1" and "media-2" were uploaded by the customer; every other id is unknown. */
    protected final AttachmentClaims claims = (sender, chatId, customerId, messageId, ids) -> ids.stream()
            .map(id -> {
                if (!ConversationFixtures.UPLOADED.contains(id) || !sender.id().equals(ConversationFixtures.CUSTOMER.id())) {
                    throw ChatRejectedException.notFound("media " + id);
                }
                return new Attachment(id, id + ".png", "image/png", 42);
            }).toList();

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        fixture.registerInjectableResource(claims);
        ConversationFixtures.T = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }
}
