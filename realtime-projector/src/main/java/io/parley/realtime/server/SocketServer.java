package io.parley.realtime.server;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.parley.realtime.auth.AuthFirstChannelInitializer;
import io.parley.realtime.auth.SocketAuthenticator;
import io.parley.realtime.broadcast.Rooms;
import io.parley.realtime.config.RealtimeProperties;
import io.parley.realtime.dispatch.EventDispatch;
import io.parley.realtime.sessions.SocketSessions;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The Socket.IO v4 server (netty-socketio) on {@code chat.socket-port}, path {@code /socket.io}, namespace
 * {@code /}, websocket and polling. Starts once the application is ready and stops with it; {@link #port()}
 * tells the port it is bound to (useful when configured as 0).
 */
@Component
public class SocketServer {
    private static final Logger log = LoggerFactory.getLogger(SocketServer.class);

    private final RealtimeProperties properties;
    private final SocketAuthenticator authenticator;
    private final SocketSessions sessions;
    private final EventDispatch dispatch;
    private final Rooms rooms;
    private final ObjectProvider<SocketServerExtension> extensions;
    private SocketIOServer server;
    private volatile int port = -1;

    SocketServer(RealtimeProperties properties, SocketAuthenticator authenticator, SocketSessions sessions,
                 EventDispatch dispatch, Rooms rooms,
                 ObjectProvider<SocketServerExtension> extensions) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.dispatch = dispatch;
        this.rooms = rooms;
        this.extensions = extensions;
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (server != null) return;
        SocketIOServer created = new SocketIOServer(configuration());
        created.setPipelineFactory(new AuthFirstChannelInitializer());
        SocketIONamespace namespace = created.getNamespace(Namespace.DEFAULT_NAME);
        namespace.addAuthTokenListener(authenticator);
        // netty-socketio runs connect listeners before the token is checked: nothing is joined or registered
        // here, the socket is only given a deadline to authenticate.
        namespace.addConnectListener(sessions::awaitAuthentication);
        namespace.addDisconnectListener(sessions::closed);
        dispatch.register(namespace);
        rooms.attach(namespace);
        extensions.orderedStream().forEach(extension -> extension.extend(created));
        Future<Void> bound = created.startAsync().syncUninterruptibly();
        server = created;
        port = bound instanceof ChannelFuture channel && channel.channel().localAddress() instanceof InetSocketAddress
                address ? address.getPort() : properties.socketPort();
        log.info("Socket.IO listening on {}:{} (path /socket.io)", properties.socketHost(), port);
    }

    /** The port the Socket.IO server listens on; -1 before it started. */
    public int port() {
        return port;
    }

    @PreDestroy
    public synchronized void stop() {
        if (server == null) return;
        closeWithoutQuietPeriod(server);
        server.stop();
        server = null;
        port = -1;
    }

    /**
     * netty-socketio stops its two event loop groups with netty's default quiet period, 2 s each: 4 s of every
     * stop spent waiting for tasks that cannot come (the dispatch has drained by now). The groups are private to
     * {@link SocketIOServer}, so they are reached by reflection and shut down with no quiet period; the server's
     * own {@code stop()} then finds them terminating and only waits for the end. Should the fields ever move,
     * this does nothing and the stop takes its 4 s.
     */
    private static void closeWithoutQuietPeriod(SocketIOServer server) {
        for (String name : new String[]{"bossGroup", "workerGroup"}) {
            try {
                Field field = SocketIOServer.class.getDeclaredField(name);
                field.setAccessible(true);
                if (field.get(server) instanceof EventLoopGroup group) group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("stopping netty-socketio's {} with its default quiet period", name, e);
            }
        }
    }

    private Configuration configuration() {
        Configuration config = new Configuration();
        config.setHostname(properties.socketHost());
        config.setPort(properties.socketPort());
        config.setContext("/socket.io");
        config.setTransports(Transport.WEBSOCKET, Transport.POLLING);
        // Acks carry results of commands that finish later, on other threads: never an automatic empty ack.
        config.setAckMode(AckMode.MANUAL);
        // Session ids come from the server only, never from a client's "io" cookie or header.
        config.setRandomSession(true);
        config.setJsonSupport(new ApiJsonSupport());
        // No permessage-deflate: the 64 KB frame limit would apply to compressed frames, and a few KB of deflate
        // inflate to many MB in memory. Chat frames are small; compressing them cost more CPU than it saved.
        config.setWebsocketCompression(false);
        config.setExceptionListener(new SocketErrors());
        // The contract speaks Socket.IO v4 (Engine.IO 4) only; older clients would skip the auth packet.
        config.setAuthorizationListener(handshake -> "4".equals(handshake.getSingleUrlParam("EIO"))
                ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION : AuthorizationResult.FAILED_AUTHORIZATION);
        config.getSocketConfig().setReuseAddress(true);
        // netty-socketio's in-memory store on every node, clustered or not. Its Redisson store would publish every
        // room join and leave to Redis on the socket's worker, so a Redis outage would stop sockets connecting;
        // Parley needs none of it: broadcasts cross nodes through Rooms and Cluster (which carry the exclusions
        // the store's dispatch would lose), presence through ClusterPresence.
        config.setStoreFactory(new MemoryStoreFactory());
        return config;
    }
}
