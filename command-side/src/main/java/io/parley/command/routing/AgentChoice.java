package io.parley.command.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who gets the next waiting chat: the least loaded agent below capacity, ties to the one idle longest. */
final class AgentChoice {

    /** An agent who may take chats now, with the active chats they hold. */
    static final class Candidate {
        final String agentId;
        final String name;
        final int capacity;
        int load;
        Instant idleSince;

        Candidate(String agentId, String name, int capacity, int load, Instant idleSince) {
            this.agentId = agentId;
            this.name = name;
            this.capacity = capacity;
            this.load = load;
            this.idleSince = idleSince == null ? Instant.EPOCH : idleSince;
        }

        void took(Instant at) {
            load++;
            idleSince = at;
        }
    }

    private static final Comparator<Candidate> BEST = Comparator.<Candidate>comparingInt(c -> c.load)
            .thenComparing(c -> c.idleSince)
            .thenComparing(c -> c.agentId);

    private AgentChoice() {
    }

    static Optional<Candidate> pick(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.load < c.capacity).min(BEST);
    }
}
