package io.parley.realtime.sessions;

import io.parley.shared.query.FetchConnectedQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Tells other modules (auto-assignment) whether someone has a socket connected on any live node. */
@Component
class ConnectedQueryHandler {
    private final SocketSessions sessions;

    ConnectedQueryHandler(SocketSessions sessions) {
        this.sessions = sessions;
    }

    @QueryHandler
    Boolean handle(FetchConnectedQuery query) {
        return sessions.connectedAnywhere(query.personId());
    }
}
