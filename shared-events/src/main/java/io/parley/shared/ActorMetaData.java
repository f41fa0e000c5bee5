package io.parley.shared;

/** Names of the Axon metadata keys that carry the actor of every command and event. */
public final class ActorMetaData {
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_NAME = "actorName";
    public static final String CORRELATION_ID = "correlationId";

    private ActorMetaData() {
    }
}
