package io.parley.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free loopback ports for cluster nodes, so that a test never collides with a running server. */
public final class FreePorts {
    private FreePorts() {
    }

    /** Distinct free ports, all held open until every one is chosen. */
    public static int[] pick(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a port we only looked at
                }
            });
        }
        return ports;
    }
}
