package org.festivalledger.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client token bucket, on a clock the test moves by hand. */
class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(2, 5, now::get);

    @Test
    void aClientMaySendABurstAndThenWaitsForTheRefill() {
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("10.0.0.1")).as("request %d of the burst", i + 1).isZero();
        }
        long wait = buckets.take("10.0.0.1");
        assertThat(wait).as("at 2 a second the next token comes in half a second").isEqualTo(500_000_000L);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(buckets.take("10.0.0.1")).isZero();
        assertThat(buckets.take("10.0.0.1")).isPositive();
    }

    @Test
    void clientsHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            buckets.take("10.0.0.1");
        }
        assertThat(buckets.take("10.0.0.1")).isPositive();
        assertThat(buckets.take("10.0.0.2")).isZero();
    }

    @Test
    void aQuietClientRefillsNoFurtherThanTheBurst() {
        for (int i = 0; i < 5; i++) {
            buckets.take("10.0.0.1");
        }
        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.take("10.0.0.1")).isZero();
        }
        assertThat(buckets.take("10.0.0.1")).isPositive();
    }
}
