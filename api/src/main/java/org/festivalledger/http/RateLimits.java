package org.festivalledger.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one client (one remote address) may send: a token bucket that holds {@code burst} requests
 * and refills at {@code requestsPerSecond}.
 *
 * @param enabled           whether requests are counted at all
 * @param requestsPerSecond the sustained rate a client may keep up
 * @param burst             how many requests a client may send at once after a quiet spell
 */
@ConfigurationProperties("ledger.http.rate-limit")
public record RateLimits(@DefaultValue("true") boolean enabled, @DefaultValue("100") double requestsPerSecond,
                         @DefaultValue("400") int burst) {

    public RateLimits {
        requestsPerSecond = requestsPerSecond > 0 ? requestsPerSecond : 100;
        burst = burst > 0 ? burst : 400;
    }
}
