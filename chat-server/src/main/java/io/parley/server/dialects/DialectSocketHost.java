package io.parley.server.dialects;

import com.corundumstudio.socketio.SocketIOServer;
import io.parley.dialects.core.DialectSockets;
import io.parley.realtime.server.SocketServerExtension;
import org.springframework.stereotype.Component;

/** Gives the seed dialects their namespaces on the realtime gateway's Socket.IO server (docs/dialects.md). */
@Component
class DialectSocketHost implements SocketServerExtension {
    private final DialectSockets dialects;

    DialectSocketHost(DialectSockets dialects) {
        this.dialects = dialects;
    }

    @Override
    public void extend(SocketIOServer server) {
        dialects.attach(server);
    }
}
