package io.parley.dialects.core;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import io.parley.shared.ApiError;
import io.parley.shared.Role;
import io.parley.shared.error.ErrorCode;

import java.util.Map;

/**
 * A dialect's namespace on the Socket.IO server: registers the seed's events so that each runs as its verified
 * caller on a {@link Workers} thread and answers failures in the seed's error shape, and sends pushes to its rooms.
 * A socket that has not authenticated gets no event, only an ack it asked for.
 */
public final class DialectNamespace {
    /** The event names the JSON support gives unknown and unreadable events (see the realtime ApiJsonSupport). */
    static final String UNKNOWN = "parley:unknown-event";
    static final String UNREADABLE = "parley:unreadable-payload";

    private final SocketIONamespace namespace;
    private final SocketDialect dialect;
    private final Workers workers;

    DialectNamespace(SocketIONamespace namespace, SocketDialect dialect, Workers workers) {
        this.namespace = namespace;
        this.dialect = dialect;
        this.workers = workers;
        namespace.addEventListener(UNKNOWN, Object.class, (client, name, ack) -> refuse(client, ack,
                String.valueOf(name), null, ApiError.of(ErrorCode.UNKNOWN_EVENT, "unknown event '" + name + "'")));
        namespace.addEventListener(UNREADABLE, Object.class, (client, reason, ack) -> refuse(client, ack, null, null,
                ApiError.of(ErrorCode.VALIDATION_FAILED, String.valueOf(reason))));
    }

    /** The seed's client → server event {@code event}. */
    public void on(String event, SocketHandler handler) {
        namespace.addEventListener(event, Object.class, (socket, data, ack) -> {
            DialectClient client = DialectClient.of(socket);
            if (client == null) {
                if (ack.isAckRequested()) {
                    ack.sendAckData(dialect.errorBody(ApiError.of(ErrorCode.AUTH_REQUIRED,
                            "this socket is not authenticated"), event, data));
                }
                return;
            }
            workers.run(socket.getSessionId(), () -> {
                if (client.actor().role() == Role.AUDITOR) {
                    refuse(socket, ack, event, data, ApiError.of(ErrorCode.FORBIDDEN,
                            "auditors have read-only access through the audit API"));
                    return;
                }
                try {
                    Object answer = handler.handle(client, data);
                    if (ack.isAckRequested()) ack.sendAckData(answer == null ? Map.of("success", true) : answer);
                } catch (Throwable failure) {
                    refuse(socket, ack, event, data, Failures.of(failure));
                }
            });
        });
    }

    private void refuse(SocketIOClient socket, AckRequest ack, String event, Object data, ApiError error) {
        Object body = dialect.errorBody(error, event, data);
        if (ack.isAckRequested()) {
            ack.sendAckData(body);
        } else if (dialect.errorEvent() != null && DialectClient.of(socket) != null) {
            socket.sendEvent(dialect.errorEvent(), body);
        }
    }

    /** Sends to every socket of a room of this namespace. */
    public void toRoom(String room, String event, Object data) {
        namespace.getRoomOperations(room).sendEvent(event, data);
    }

    /** Sends to every socket of a room but one (the one that caused it). */
    public void toRoomExcept(String room, SocketIOClient except, String event, Object data) {
        namespace.getRoomOperations(room).sendEvent(event, except, data);
    }

    /** Sends to the sockets of a room that are not in another room (a person's sockets outside a chat's room). */
    public void toRoomOutside(String room, String outside, String event, Object data) {
        for (SocketIOClient socket : namespace.getRoomOperations(room).getClients()) {
            if (!socket.getAllRooms().contains(outside)) socket.sendEvent(event, data);
        }
    }

    /** How many sockets of this namespace are in the room (on this node). */
    public int count(String room) {
        return namespace.getRoomOperations(room).getClients().size();
    }

    /**
     * True while no client is connected to this dialect: its pushes then skip the reads they would need (most
     * deployments have no client of most dialects, and every message would otherwise pay for each).
     */
    public boolean idle() {
        return namespace.getAllClients().isEmpty();
    }

    /** Whether any socket of this namespace is in the room (on this node). */
    public boolean anyoneIn(String room) {
        return !namespace.getRoomOperations(room).getClients().isEmpty();
    }
}
