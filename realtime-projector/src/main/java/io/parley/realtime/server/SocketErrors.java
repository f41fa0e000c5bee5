package io.parley.realtime.server;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListener;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * What netty-socketio reports going wrong on a socket. A client that drops its connection (a closed laptop, a
 * reset) is normal traffic: DEBUG, not the library's default ERROR with a stack trace on every disconnect. Anything
 * else is a fault of ours and stays an ERROR.
 */
public final class SocketErrors implements ExceptionListener {
    private static final Logger log = LoggerFactory.getLogger(SocketErrors.class);

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        report("event", e, client);
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        report("disconnect", e, client);
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        report("connect", e, client);
    }

    @Override
    public void onPingException(Exception e, SocketIOClient client) {
        report("ping", e, client);
    }

    @Override
    public void onPongException(Exception e, SocketIOClient client) {
        report("pong", e, client);
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        if (e instanceof IOException) {
            log.debug("socket connection {} dropped: {}", ctx.channel().remoteAddress(), e.toString());
            ctx.close();
        } else {
            log.error("socket connection {} failed", ctx.channel().remoteAddress(), e);
        }
        // Handled here, as the library's default listener does.
        return true;
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        report("handshake", e, client);
    }

    private static void report(String stage, Throwable e, SocketIOClient client) {
        Object session = client == null ? null : client.getSessionId();
        if (e instanceof IOException) {
            log.debug("socket {} dropped during {}: {}", session, stage, e.toString());
        } else {
            log.error("socket {} failed during {}", session, stage, e);
        }
    }
}
