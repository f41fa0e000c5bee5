package io.parley.realtime.dispatch;

import io.parley.realtime.server.ApiJsonSupport;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.ApiError;
import io.parley.shared.error.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Any event name the server does not know ({@code send_message} for {@code sendMessage}): answered
 * {@code UNKNOWN_EVENT} by ack, or as {@code chatError} without one, instead of silence.
 */
@Component
public class UnknownEvent implements SocketEvent {
    private static final int NAME_SHOWN = 64;

    @Override
    public String name() {
        return ApiJsonSupport.UNKNOWN;
    }

    @Override
    public boolean auditorsMay() {
        return true;
    }

    @Override
    public String nameAsEmitted(Object payload) {
        String name = payload instanceof String text ? text : "";
        return name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "…" : name;
    }

    @Override
    public void handle(SocketSession session, Object payload, Reply reply) {
        reply.fail(ApiError.of(ErrorCode.UNKNOWN_EVENT, "unknown event '" + nameAsEmitted(payload) + "'"));
    }
}
