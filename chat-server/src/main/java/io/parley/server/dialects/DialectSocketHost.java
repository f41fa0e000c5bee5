package io.parley.server.dialects;

import com.corundumstudio.socketio.SocketIOServer;
import io.parley.dialects.core.DialectSockets;
import io.parley.realtime.server.SocketServerExtension;
import io.parley.server.security.TokensRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the seed dialects their namespaces on the realtime gateway's Socket.IO server (docs/dialects.md), and tells
 * them of revoked tokens, whose sockets they disconnect as the gateway does its own.
 */
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

    /** Published after the revocation is committed. */
    @EventListener
    void on(TokensRevoked revoked) {
        dialects.forceLogout(revoked.jtis(), revoked.reason());
    }
}
