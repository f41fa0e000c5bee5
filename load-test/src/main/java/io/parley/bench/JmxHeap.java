package io.parley.bench;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * The used heap of a JVM the harness started with a loopback-only, unauthenticated JMX agent on {@code port}:
 * its MemoryMXBean, the figure Parley's actuator metric jvm.memory.used{area=heap} is built from.
 */
final class JmxHeap implements AutoCloseable {
    static final String SOURCE = "JMX MemoryMXBean heap used";

    private final int port;
    private JMXConnector connector;
    private MemoryMXBean memory;

    JmxHeap(int port) {
        this.port = port;
    }

    /** The flags that open the agent in the JVM to be sampled. */
    static List<String> agentFlags(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /** Bytes of heap in use; -1 if the JVM cannot be reached. */
    synchronized long used() {
        try {
            if (memory == null) {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(
                        "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
                memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            }
            return memory.getHeapMemoryUsage().getUsed();
        } catch (Exception e) {
            close();
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        memory = null;
        if (connector == null) return;
        try {
            connector.close();
        } catch (Exception ignored) {
            // The JVM is gone or going; nothing to release on this side.
        }
        connector = null;
    }
}
