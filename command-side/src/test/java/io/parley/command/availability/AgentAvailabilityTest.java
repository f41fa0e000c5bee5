package io.parley.command.availability;

import io.parley.shared.Actor;
import io.parley.shared.Availability;
import io.parley.shared.Role;
import io.parley.shared.command.AvailabilitySet;
import io.parley.shared.command.SetAvailabilityCommand;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.event.AgentAvailabilityChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Availability rules: who may set it, what a change records, and that repeating a state records nothing. */
class AgentAvailabilityTest {
    static final Actor ALICE = new Actor("agent-1", Role.AGENT, "Alice");
    static final Actor BOB = new Actor("agent-2", Role.AGENT, "Bob");
    static final Actor ADA = new Actor("admin-1", Role.ADMIN, "Ada");
    static final Actor CARLA = new Actor("cust-1", Role.USER, "Carla");

    AggregateTestFixture<AgentAvailability> fixture;
    Instant now;

    @BeforeEach
    void createFixture() {
        fixture = new AggregateTestFixture<>(AgentAvailability.class);
        now = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }

    AgentAvailabilityChangedEvent changed(Actor agent, Availability to, Availability from, Actor by) {
        return new AgentAvailabilityChangedEvent(agent.id(), to, from, by.id(), by.role(), now);
    }

    @Test
    void theFirstSetCreatesTheAgentsAvailability() {
        fixture.givenNoPriorActivity()
                .when(new SetAvailabilityCommand(ALICE.id(), ALICE, Availability.ONLINE))
                .expectEvents(changed(ALICE, Availability.ONLINE, null, ALICE))
                .expectResultMessagePayload(new AvailabilitySet(ALICE.id(), Availability.ONLINE, now));
    }

    @Test
    void aChangeRecordsThePreviousAvailability() {
        fixture.given(changed(ALICE, Availability.ONLINE, null, ALICE))
                .when(new SetAvailabilityCommand(ALICE.id(), ALICE, Availability.BUSY))
                .expectEvents(changed(ALICE, Availability.BUSY, Availability.ONLINE, ALICE));
    }

    @Test
    void settingTheSameAvailabilityAgainRecordsNothing() {
        fixture.given(changed(ALICE, Availability.AWAY, null, ALICE))
                .when(new SetAvailabilityCommand(ALICE.id(), ALICE, Availability.AWAY))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAgentCannotSetAnotherAgentsAvailability() {
        fixture.given(changed(ALICE, Availability.ONLINE, null, ALICE))
                .when(new SetAvailabilityCommand(ALICE.id(), BOB, Availability.AWAY))
                .expectNoEvents()
                .expectException(ChatRejectedException.class)
                .expectExceptionMessage("only admins set someone else's availability");
    }

    @Test
    void anAdminMaySetAnAgentsAvailability() {
        fixture.given(changed(ALICE, Availability.ONLINE, null, ALICE))
                .when(new SetAvailabilityCommand(ALICE.id(), ADA, Availability.AWAY))
                .expectEvents(changed(ALICE, Availability.AWAY, Availability.ONLINE, ADA));
    }

    @Test
    void customersHaveNoAvailability() {
        fixture.givenNoPriorActivity()
                .when(new SetAvailabilityCommand(CARLA.id(), CARLA, Availability.ONLINE))
                .expectNoEvents()
                .expectExceptionMessage("only agents and admins have an availability");
    }

    @Test
    void anAvailabilityIsRequired() {
        fixture.given(changed(ALICE, Availability.ONLINE, null, ALICE))
                .when(new SetAvailabilityCommand(ALICE.id(), ALICE, null))
                .expectNoEvents()
                .expectExceptionMessage("availability must be one of online, busy, away");
    }
}
