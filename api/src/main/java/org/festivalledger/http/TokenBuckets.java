package org.festivalledger.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: it holds at most {@code burst} tokens, refills at {@code perSecond}, and a request
 * takes one. Buckets of clients that have gone quiet long enough to be full again are forgotten, so a stream of
 * ever-new addresses cannot grow the map without bound.
 */
public final class TokenBuckets {

    private static final int FORGET_ABOVE = 10_000;
    private static final long FORGET_EVERY_NANOS = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastForgotten;

    public TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.lastForgotten = new AtomicLong(nanoTime.getAsLong());
    }

    /** Takes a token for {@code client}: 0 if it had one, else the nanoseconds until it will have one. */
    public long take(String client) {
        long now = nanoTime.getAsLong();
        long last = lastForgotten.get();
        // At most one sweep a second, by one thread: many new addresses at once must not make every request sweep.
        if (buckets.size() > FORGET_ABOVE && now - last > FORGET_EVERY_NANOS && lastForgotten.compareAndSet(last, now)) {
            forgetFullBuckets();
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            bucket.refill(nanoTime.getAsLong(), perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9);
        }
    }

    private void forgetFullBuckets() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, perSecond, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }

        void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updatedAt) / 1e9 * perSecond);
            updatedAt = now;
        }
    }
}
