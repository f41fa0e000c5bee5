package io.parley.command.routing;

import io.parley.command.routing.AgentChoice.Candidate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentChoiceTest {
    private static final Instant T = Instant.parse("2026-11-21T10:30:00.000Z");

    @Test
    void theLeastLoadedAgentBelowCapacityGetsTheChat() {
        Candidate busy = new Candidate("a", "Ann", 5, 3, T);
        Candidate light = new Candidate("b", "Ben", 5, 1, T.plusSeconds(60));
        assertThat(AgentChoice.pick(List.of(busy, light))).containsSame(light);
    }

    @Test
    void equalLoadsGoToTheOneIdleLongest() {
        Candidate recent = new Candidate("a", "Ann", 5, 1, T.plusSeconds(30));
        Candidate idle = new Candidate("b", "Ben", 5, 1, T);
        assertThat(AgentChoice.pick(List.of(recent, idle))).containsSame(idle);
        idle.took(T.plusSeconds(90));
        assertThat(AgentChoice.pick(List.of(recent, idle))).containsSame(recent);
    }

    @Test
    void nobodyAtCapacityIsChosenAndWithNobodyFreeTheChatWaits() {
        Candidate full = new Candidate("a", "Ann", 2, 2, T);
        Candidate nearlyFull = new Candidate("b", "Ben", 3, 2, T.plusSeconds(10));
        assertThat(AgentChoice.pick(List.of(full, nearlyFull))).containsSame(nearlyFull);
        nearlyFull.took(T.plusSeconds(20));
        assertThat(AgentChoice.pick(List.of(full, nearlyFull))).isEmpty();
    }
}
