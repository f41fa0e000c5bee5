package io.parley.command.conversation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.time.temporal.ChronoUnit;

/** Runs each conversation test on a fixture whose simulated time is {@link ConversationFixtures#T}. */
abstract class ConversationTestBase {
    protected AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(Conversation.class);
        ConversationFixtures.T = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }
}
