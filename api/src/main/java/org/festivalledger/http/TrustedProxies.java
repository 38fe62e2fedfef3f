package org.festivalledger.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code ledger.http.trusted-proxies}: addresses or
 * CIDR ranges, IPv4 or IPv6). Nobody else's is: a client that writes the header itself must not choose the address
 * its requests, failed sign-ins and waits are counted against. Empty (the default) believes no one.
 */
@ConfigurationProperties("ledger.http")
public record TrustedProxies(@DefaultValue List<String> trustedProxies) {

    public TrustedProxies {
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(IpAddressMatcher::new); // a misspelt range fails the start, not the first request
    }

    List<IpAddressMatcher> matchers() {
        return trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }
}
