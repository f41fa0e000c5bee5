package io.parley.server.security;

import io.parley.realtime.server.SocketServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.header.HeaderWriter;

import java.util.regex.Pattern;

/**
 * Writes the browser pages' Content-Security-Policy: scripts, styles and calls only to this server, plus calls
 * to the Socket.IO server on the same host ({@code http://} and {@code ws://<host>:<socket port>}, and their TLS
 * forms behind a proxy that terminates TLS), worked out per request from the host the browser asked for, since the
 * socket server listens on a port of its own.
 */
final class PagePolicyHeaderWriter implements HeaderWriter {
    /** A host name or an IPv4/IPv6 literal; anything else (never expected past Tomcat) gets no socket source. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final String BEFORE = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'";
    private static final String AFTER = "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ObjectProvider<SocketServer> sockets;

    PagePolicyHeaderWriter(ObjectProvider<SocketServer> sockets) {
        this.sockets = sockets;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", policy(request.getServerName()));
    }

    String policy(String host) {
        SocketServer server = sockets.getIfAvailable();
        int port = server == null ? -1 : server.port();
        if (port <= 0 || host == null || !HOST.matcher(host).matches()) {
            return BEFORE + AFTER;
        }
        String hostPort = host + ":" + port;
        return BEFORE + " http://" + hostPort + " ws://" + hostPort + " https://" + hostPort + " wss://" + hostPort
                + AFTER;
    }
}
