package org.festivalledger.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed password sign-ins per account and per client, with a lock-out that doubles at each failure past the free
 * ones. A locked-out attempt is refused before its password is checked, so guessing cannot be turned into BCrypt
 * work, and nobody waits on a sleeping thread: the answer is a 429 saying when to come back.
 * A success clears the account's failures (not the client's: a valid account must not launder a client's guesses).
 */
final class SignInAttempts {

    /** More keys than this and the ones with nothing left to hold against them are forgotten. */
    private static final int FORGET_ABOVE = 10_000;

    private final SignInLimits limits;
    private final LongSupplier nanoTime;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    SignInAttempts(SignInLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** How long {@code account} or {@code client} is still locked out; empty when a sign-in may be tried. */
    Optional<Duration> lockedOut(String account, String client) {
        long now = nanoTime.getAsLong();
        long wait = Math.max(remaining(accountKey(account), now), remaining(clientKey(client), now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    void failed(String account, String client) {
        long now = nanoTime.getAsLong();
        if (records.size() > FORGET_ABOVE) {
            forgetQuiet(now);
        }
        fail(accountKey(account), limits.freeFailuresPerAccount(), now);
        fail(clientKey(client), limits.freeFailuresPerAddress(), now);
    }

    void succeeded(String account) {
        if (account != null) {
            records.remove(accountKey(account));
        }
    }

    private void fail(String key, int free, long now) {
        if (key == null) {
            return;
        }
        records.compute(key, (k, record) -> {
            Record updated = record == null || isQuiet(record, now) ? new Record(0, now, now) : record;
            int failures = updated.failures + 1;
            long lockedUntil = updated.lockedUntil;
            if (failures > free) {
                lockedUntil = now + delay(failures - free).toNanos();
            }
            return new Record(failures, lockedUntil, now);
        });
    }

    /** The lock-out after the {@code excess}-th failure past the free ones: first-delay × 2^(excess-1), capped. */
    Duration delay(int excess) {
        int doublings = Math.min(excess - 1, 40);
        Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(limits.maxDelay()) > 0 || delay.isNegative() ? limits.maxDelay() : delay;
    }

    private long remaining(String key, long now) {
        Record record = key == null ? null : records.get(key);
        return record == null ? 0 : Math.max(0, record.lockedUntil - now);
    }

    /** A client that has been quiet for the longest lock-out starts afresh. */
    private boolean isQuiet(Record record, long now) {
        return now - record.lastFailure > limits.maxDelay().toNanos() && now >= record.lockedUntil;
    }

    private void forgetQuiet(long now) {
        records.values().removeIf(record -> isQuiet(record, now));
    }

    private static String accountKey(String account) {
        // Account names are matched without regard to case: so are they counted.
        return account == null || account.isEmpty() ? null : "account:" + account.toLowerCase(Locale.ROOT);
    }

    private static String clientKey(String client) {
        return client == null ? null : "client:" + client;
    }

    private record Record(int failures, long lockedUntil, long lastFailure) {
    }
}
