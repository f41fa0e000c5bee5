package io.parley.bench;

import java.util.concurrent.CompletableFuture;

/** Idle connected sockets of the {@code connections} scenario, whichever official client holds them. */
interface IdleSockets extends AutoCloseable {

    /** Completes with {opened, failed} once every connection attempt has settled. */
    CompletableFuture<long[]> ramped();

    /** The process holding the sockets when it is not the harness's own, else -1. */
    default long pid() {
        return -1;
    }

    /** How many of the sockets are connected right now. */
    long open() throws Exception;

    @Override
    void close();
}
