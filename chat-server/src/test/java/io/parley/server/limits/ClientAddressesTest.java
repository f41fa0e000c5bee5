package io.parley.server.limits;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    private static MockHttpServletRequest from(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("10.0.0.7", "203.0.113.9"))).isEqualTo("10.0.0.7");
    }

    @Test
    void aTrustedProxyNamesTheClientAndAClientCannotPrependItsOwnChoice() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", " 192.168.1.5 "));
        assertThat(addresses.of(from("10.0.0.7", "203.0.113.9"))).isEqualTo("203.0.113.9");
        // The client sent "1.2.3.4" itself; the proxy appended the address it saw.
        assertThat(addresses.of(from("10.0.0.7", "1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // Two trusted proxies in a row are skipped.
        assertThat(addresses.of(from("10.0.0.7", "1.2.3.4, 198.51.100.2, 192.168.1.5"))).isEqualTo("198.51.100.2");
        assertThat(addresses.of(from("10.0.0.7", null))).isEqualTo("10.0.0.7");
    }

    @Test
    void anUntrustedConnectionIsItsOwnAddressWhateverItForwards() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(addresses.of(from("198.51.100.77", "10.0.0.1"))).isEqualTo("198.51.100.77");
        assertThat(addresses.of(from("10.0.0.7", "not-an-address"))).isEqualTo("not-an-address");
    }
}
