package org.festivalledger.http;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a client may send.
 *
 * @param maxBodyBytes largest accepted request body, on every path (a CSV import of thousands of entries fits)
 */
@ConfigurationProperties("ledger.http")
public record RequestLimits(int maxBodyBytes) {

    public RequestLimits {
        maxBodyBytes = maxBodyBytes <= 0 ? 10 * 1024 * 1024 : maxBodyBytes;
    }
}
