package org.festivalledger.audit;

import org.festivalledger.ledger.LedgerLog;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rebuild check reads the whole log, so it runs once at a time and its report is shared: a caller that arrives
 * while one runs gets that run's report, and a report stays the answer until something new is recorded (a check
 * of the same head would only say the same again).
 */
@Component
class SharedRebuildCheck {

    private final ProjectionRebuildCheck check;
    private final LedgerLog ledger;
    private final AtomicLong runs = new AtomicLong();
    private CompletableFuture<ProjectionRebuildCheck.Report> running;
    private ProjectionRebuildCheck.Report last;

    SharedRebuildCheck(ProjectionRebuildCheck check, LedgerLog ledger) {
        this.check = check;
        this.ledger = ledger;
    }

    ProjectionRebuildCheck.Report run() {
        CompletableFuture<ProjectionRebuildCheck.Report> shared;
        boolean mine = false;
        synchronized (this) {
            if (last != null && last.position() == ledger.head().position()) {
                return last;
            }
            if (running == null) {
                running = new CompletableFuture<>();
                mine = true;
            }
            shared = running;
        }
        if (mine) {
            runs.incrementAndGet();
            try {
                ProjectionRebuildCheck.Report report = check.run();
                synchronized (this) {
                    last = report;
                    running = null;
                }
                shared.complete(report);
            } catch (RuntimeException e) {
                synchronized (this) {
                    running = null;
                }
                shared.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** How many checks have actually run (not answered from another caller's run or the last report). */
    long runs() {
        return runs.get();
    }
}
