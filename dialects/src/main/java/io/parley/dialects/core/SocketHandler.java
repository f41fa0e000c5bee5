package io.parley.dialects.core;

/** One client → server event of a seed: does it and returns the acknowledgement's data (null: a plain success). */
@FunctionalInterface
public interface SocketHandler {

    Object handle(DialectClient client, Object data) throws Exception;
}
