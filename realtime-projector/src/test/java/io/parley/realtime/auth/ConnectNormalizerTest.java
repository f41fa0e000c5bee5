package io.parley.realtime.auth;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.parley.realtime.auth.AuthFirstChannelInitializer.ConnectNormalizer.normalize;
import static org.assertj.core.api.Assertions.assertThat;

/** A CONNECT without auth data must still reach the auth listener: it gets empty auth, nothing else changes. */
class ConnectNormalizerTest {

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Test
    void aBareConnectGetsEmptyAuth() {
        assertThat(normalize(bytes("40"))).isEqualTo("40{}");
    }

    @Test
    void aBareConnectAmongPollingPacketsGetsEmptyAuth() {
        assertThat(normalize(bytes("40\u001e42[\"typing\",{}]"))).isEqualTo("40{}\u001e42[\"typing\",{}]");
    }

    @Test
    void aConnectWithAuthAndOtherPacketsAreLeftAlone() {
        assertThat(normalize(bytes("40{\"token\":\"abc\"}"))).isNull();
        assertThat(normalize(bytes("42[\"joinChat\",{\"chatId\":\"40\"}]"))).isNull();
        assertThat(normalize(bytes("41"))).isNull();
        assertThat(normalize(bytes("40/admin,{\"token\":\"abc\"}"))).isNull();
    }

    @Test
    void aBareNamespaceConnectGetsEmptyAuthSoItsTokenIsChecked() {
        assertThat(normalize(bytes("40/mydeeptech,"))).isEqualTo("40/mydeeptech,{}");
        assertThat(normalize(bytes("40/agri,\u001e42/agri,[\"x\"]"))).isEqualTo("40/agri,{}\u001e42/agri,[\"x\"]");
    }

    @Test
    void theOriginalBufferIsNotConsumed() {
        ByteBuf content = bytes("40");
        normalize(content);
        assertThat(content.readableBytes()).isEqualTo(2);
    }
}
