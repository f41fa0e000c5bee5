package io.parley.server.limits;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, as the limits count it. {@code X-Forwarded-For} is believed only when the
 * connection comes from a configured proxy ({@code CHAT_TRUSTED_PROXIES}: addresses or CIDR blocks), and then only
 * up to its last hop that is not itself a trusted proxy: a client cannot pick its own address by sending the
 * header. Without trusted proxies the connection's address is the client's.
 */
@Component
public class ClientAddresses {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private final List<IpAddressMatcher> proxies;

    public ClientAddresses(@Value("${chat.trusted-proxies:}") List<String> trustedProxies) {
        this.proxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!trusted(address)) return address;
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) return address;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) continue;
            if (!trusted(hop)) return hop;
            address = hop;
        }
        return address;
    }

    private boolean trusted(String address) {
        // Only address literals: the matcher resolves anything else through DNS, which a header must never cause.
        if (!IP_LITERAL.matcher(address).matches()) return false;
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) return true;
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
