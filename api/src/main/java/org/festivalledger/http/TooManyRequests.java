package org.festivalledger.http;

/** A client asked for something more often than its limit allows: answered 429 with {@code Retry-After}. */
public class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterNanos) {
        super(detail);
        this.retryAfterSeconds = Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
