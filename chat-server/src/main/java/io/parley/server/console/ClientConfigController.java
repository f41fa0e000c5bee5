package io.parley.server.console;

import io.parley.realtime.server.SocketServer;
import io.parley.shared.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/config/client}: what a browser page needs to know before it connects, today the Socket.IO
 * port (the pages are served from the HTTP port and connect to the socket server on the same host). Public: it
 * tells nothing a port scan would not.
 */
@RestController
@Tag(name = "Client configuration", description = "Where browser clients find the Socket.IO server")
class ClientConfigController {
    private final ObjectProvider<SocketServer> sockets;

    ClientConfigController(ObjectProvider<SocketServer> sockets) {
        this.sockets = sockets;
    }

    @Operation(summary = "The Socket.IO port on this host (null while the socket server is not running); no token needed")
    @SecurityRequirements
    @GetMapping("/api/config/client")
    ApiResponse<ClientConfig> client() {
        return ApiResponse.ok(new ClientConfig(socketPort(sockets)));
    }

    /** The socket server's port, or null when it is not running here. */
    static Integer socketPort(ObjectProvider<SocketServer> sockets) {
        SocketServer server = sockets.getIfAvailable();
        return server == null || server.port() <= 0 ? null : server.port();
    }

    /** What the pages read before connecting. */
    record ClientConfig(Integer socketPort) {
    }
}
