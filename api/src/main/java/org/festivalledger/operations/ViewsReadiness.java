package org.festivalledger.operations;

import org.festivalledger.ledger.LedgerLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness of this node's views (health contributor {@code views}, in the readiness group): DOWN until every view
 * has folded the log up to the ledger's head as it was when the node started, so a load balancer sends no reads to a
 * node that would answer from half a log (a fresh node takes about two minutes at 160,000 events). Once caught up,
 * the node stays ready while new events stream in (a view a few events behind is normal and is what
 * {@code ?minPosition} is for); a view in error or stopped makes it DOWN again. Axon has no such indicator without
 * Axon Server (STACK.md, pitfall 14).
 * <p>
 * While the views fold, the progress is logged every few seconds in percent of that head, and once when they are
 * done.
 */
@Component("viewsHealthIndicator")
class ViewsReadiness implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ViewsReadiness.class);

    private final ViewsOnNode views;
    private final long headAtStart;
    private final long startedAt = System.nanoTime();
    private volatile boolean caughtUp;

    ViewsReadiness(ViewsOnNode views, LedgerLog ledger) {
        this.views = views;
        this.headAtStart = ledger.head().position();
        log.info("Ledger head at start: position {}; the views fold the log up to it before this node is ready",
                headAtStart);
    }

    @Override
    public Health health() {
        List<ViewsOnNode.ViewState> states = views.states();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("headAtStart", headAtStart);
        states.forEach(view -> details.put(view.name(), view.position()));
        for (ViewsOnNode.ViewState view : states) {
            if (view.error() != null) {
                return Health.down().withDetails(details).withDetail("error", view.name() + ": " + view.error()).build();
            }
            if (!view.running()) {
                return Health.down().withDetails(details).withDetail("stopped", view.name()).build();
            }
        }
        return isCaughtUp(states) ? Health.up().withDetails(details).build()
                : Health.down().withDetails(details).withDetail("percent", percent(states)).build();
    }

    /** Whether the views have reached the head at start (once they have, it stays so). */
    boolean isCaughtUp() {
        return isCaughtUp(views.states());
    }

    private boolean isCaughtUp(List<ViewsOnNode.ViewState> states) {
        if (caughtUp) {
            return true;
        }
        boolean now = !states.isEmpty() && states.stream().allMatch(view -> view.running() && view.error() == null
                && view.caughtUp() && view.position() >= headAtStart);
        if (now) {
            caughtUp = true;
            log.info("Views caught up with the ledger head at start (position {}) in {} s: ready for traffic",
                    headAtStart, Duration.ofNanos(System.nanoTime() - startedAt).toSeconds());
        }
        return now;
    }

    /** Logs how far the fold has come, while it has not finished. */
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void reportProgress() {
        List<ViewsOnNode.ViewState> states = views.states();
        if (!caughtUp && !isCaughtUp(states)) {
            // Naming the furthest behind says which view a start that never becomes ready is waiting for.
            states.stream().min(Comparator.comparingLong(ViewsOnNode.ViewState::position)).ifPresent(slowest ->
                    log.info("Views folding the log: {}% of the head at start ({}); furthest behind: {} at {}{}",
                            percent(states), headAtStart, slowest.name(), slowest.position(),
                            slowest.running() ? "" : " (stopped)"));
        }
    }

    private long percent(List<ViewsOnNode.ViewState> states) {
        if (headAtStart == 0) {
            return 100;
        }
        long lowest = states.stream().mapToLong(ViewsOnNode.ViewState::position).min().orElse(0);
        return Math.min(100, lowest * 100 / headAtStart);
    }
}
