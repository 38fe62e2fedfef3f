package org.festivalledger.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits for catching-up views ({@code ?minPosition=N}) hold a request thread, so each client may hold only a few at
 * once ({@code ledger.http.catch-up.waits-per-client}), and all clients together at most
 * {@code ledger.http.catch-up.waits-in-all}; a wait beyond either is refused at once (429) rather than queued.
 * A juror's credential unknown to a board that is behind the ledger waits under the same bounds.
 */
@Component
public class CatchUpWaits {

    /** The bounds ({@code ledger.http.catch-up.*}); {@code maxWait} is the longest a single wait lasts. */
    @ConfigurationProperties("ledger.http.catch-up")
    public record Limits(@DefaultValue("2") int waitsPerClient, @DefaultValue("32") int waitsInAll,
                         @DefaultValue("5s") Duration maxWait) {
    }

    private final Limits limits;
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger inAll = new AtomicInteger();

    public CatchUpWaits(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** Takes a wait for {@code client}; false when it (or everyone together) already holds as many as allowed. */
    public boolean enter(String client) {
        if (inAll.incrementAndGet() > limits.waitsInAll()) {
            inAll.decrementAndGet();
            return false;
        }
        AtomicInteger mine = perClient.compute(client, (key, count) -> {
            AtomicInteger counted = count == null ? new AtomicInteger() : count;
            counted.incrementAndGet();
            return counted;
        });
        if (mine.get() > limits.waitsPerClient()) {
            leave(client);
            return false;
        }
        return true;
    }

    public void leave(String client) {
        perClient.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
        inAll.decrementAndGet();
    }

    /** Waits being held right now (all clients). */
    public int holding() {
        return inAll.get();
    }
}
