package io.parley.realtime.auth;

import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.EngineIOVersion;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

import java.nio.charset.StandardCharsets;

/**
 * netty-socketio 2.0 skips the namespace's auth-token listener when a v4 CONNECT packet carries no auth data
 * (a client using only {@code ?token=}, or none at all), and would connect such a socket unchecked. This
 * pipeline rewrites a bare CONNECT of the default namespace ({@code 40}) into one with empty auth
 * ({@code 40{}}), so every connection passes through {@link SocketAuthenticator}.
 */
public final class AuthFirstChannelInitializer extends SocketIOChannelInitializer {
    static final String HANDLER = "parleyConnectNormalizer";

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addBefore(PACKET_HANDLER, HANDLER, ConnectNormalizer.INSTANCE);
    }

    @ChannelHandler.Sharable
    static final class ConnectNormalizer extends ChannelInboundHandlerAdapter {
        static final ConnectNormalizer INSTANCE = new ConnectNormalizer();
        private static final String SEPARATOR = "\u001e";
        private static final String BARE_CONNECT = "40";

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof PacketsMessage packets && packets.getClient() != null
                    && packets.getClient().getEngineIOVersion() == EngineIOVersion.V4) {
                String normalized = normalize(packets.getContent());
                if (normalized != null) {
                    ByteBuf content = Unpooled.copiedBuffer(normalized, StandardCharsets.UTF_8);
                    try {
                        ctx.fireChannelRead(new PacketsMessage(packets.getClient(), content, packets.getTransport()));
                    } finally {
                        content.release();
                    }
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        /** The payload with every bare default-namespace CONNECT given empty auth, or null when there is none. */
        static String normalize(ByteBuf content) {
            int length = content.readableBytes();
            int start = content.readerIndex();
            // A bare CONNECT is two bytes, alone or among the other packets of a polling payload.
            if (length == 2) {
                return content.getByte(start) == '4' && content.getByte(start + 1) == '0' ? BARE_CONNECT + "{}" : null;
            }
            if (length > 4096) return null;
            // A namespace's bare CONNECT (40/<name>,) alone, else any packets of a polling payload.
            boolean single = content.indexOf(start, start + length, (byte) 0x1e) < 0;
            if (single && !(length <= 66 && content.getByte(start) == '4' && content.getByte(start + 1) == '0'
                    && content.getByte(start + 2) == '/' && content.getByte(start + length - 1) == ',')) {
                return null;
            }
            String text = content.toString(start, length, StandardCharsets.UTF_8);
            String[] packets = text.split(SEPARATOR, -1);
            boolean changed = false;
            for (int i = 0; i < packets.length; i++) {
                if (BARE_CONNECT.equals(packets[i]) || isBareNamespaceConnect(packets[i])) {
                    packets[i] = packets[i] + "{}";
                    changed = true;
                }
            }
            return changed ? String.join(SEPARATOR, packets) : null;
        }

        /** {@code 40/<namespace>,} with nothing after the comma: a dialect namespace's CONNECT without auth. */
        private static boolean isBareNamespaceConnect(String packet) {
            return packet.startsWith("40/") && packet.endsWith(",") && packet.indexOf(',') == packet.length() - 1
                    && packet.length() <= 66;
        }
    }
}
