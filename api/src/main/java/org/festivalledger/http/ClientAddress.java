package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client is, first of all filters: the connection's address, or, when the connection comes from a
 * {@link TrustedProxies trusted proxy}, the address that proxy says it forwarded for ({@code X-Forwarded-For},
 * read from the right, skipping further trusted proxies). Every later layer reads it as the request's remote
 * address. Spring's {@code server.forward-headers-strategy} must stay unset: it would believe the header from anyone.
 * <p>
 * Counting (rate limits, failed sign-ins, waits) goes by {@link #of(String) client}: an IPv4 address, or the /64
 * network of an IPv6 address, since one subscriber holds a whole /64 and may rotate through it freely.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class ClientAddress extends OncePerRequestFilter {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    // Only literal addresses are parsed: anything else could make InetAddress look a name up in the DNS.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(TrustedProxies proxies) {
        this.trusted = proxies.matchers();
    }

    /** The key a client is counted under: an IPv4 address as it is, an IPv6 address by its /64 network. */
    public static String of(String address) {
        InetAddress parsed = literal(address);
        if (parsed instanceof Inet6Address) {
            byte[] bytes = parsed.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        }
        return parsed == null ? String.valueOf(address) : parsed.getHostAddress();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = resolve(request);
        chain.doFilter(client.equals(request.getRemoteAddr()) ? request : new ForwardedFor(request, client), response);
    }

    private String resolve(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return remote; // a hop that is no address: believe nothing further left than the proxy itself
            }
            if (i == 0 || !isTrusted(hop.getHostAddress())) {
                return hop.getHostAddress();
            }
        }
        return remote;
    }

    private boolean isTrusted(String address) {
        if (literal(address) == null) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress literal(String address) {
        if (address == null) {
            return null;
        }
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static final class ForwardedFor extends HttpServletRequestWrapper {
        private final String client;

        ForwardedFor(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
