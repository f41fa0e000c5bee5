package io.parley.realtime.server;

import com.corundumstudio.socketio.SocketIOServer;

/**
 * Something served on the same Socket.IO server besides Parley's own namespace (the seed dialects' namespaces):
 * given the server once, before it starts listening.
 */
public interface SocketServerExtension {

    void extend(SocketIOServer server);
}
