package io.parley.realtime.dispatch;

import io.parley.realtime.server.ApiJsonSupport;
import io.parley.realtime.sessions.SocketSession;
import io.parley.shared.ApiError;
import io.parley.shared.error.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * An event whose JSON could not be read, malformed or nested too deep: answered {@code VALIDATION_FAILED} by ack,
 * or as {@code chatError} without one, and the socket stays open. The payload is the reason, never the input.
 */
@Component
public class UnreadablePayload implements SocketEvent {

    @Override
    public String name() {
        return ApiJsonSupport.UNREADABLE;
    }

    @Override
    public boolean auditorsMay() {
        return true;
    }

    @Override
    public String nameAsEmitted(Object payload) {
        return "(unreadable)";
    }

    @Override
    public void handle(SocketSession session, Object payload, Reply reply) {
        String reason = payload instanceof String text ? text : "the payload is not valid JSON";
        reply.fail(ApiError.of(ErrorCode.VALIDATION_FAILED, "Invalid payload: " + reason));
    }
}
