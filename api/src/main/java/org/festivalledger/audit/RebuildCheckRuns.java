package org.festivalledger.audit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rebuild check run from the auditor's pages: in the background, one at a time, with how far the rebuild has
 * replayed the log while it runs, and the last report kept to be read afterwards. It records nothing on the ledger
 * (the rebuilt views live in a scratch database, dropped at the end), so starting it from a GET cannot change what
 * is audited.
 */
@Service
class RebuildCheckRuns implements DisposableBean {

    private final ProjectionRebuildCheck check;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "auditor-rebuild-check");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<ProjectionRebuildCheck.Report> running;
    private Instant startedAt;
    private ProjectionRebuildCheck.Report last;
    private String failure;

    RebuildCheckRuns(ProjectionRebuildCheck check) {
        this.check = check;
    }

    /** Where the check stands: the last report (or failure), and whether one is running and how far it has got. */
    record State(boolean running, Instant startedAt, long rebuiltUpTo, ProjectionRebuildCheck.Report last,
                 String failure) {
    }

    synchronized State state() {
        return new State(running != null, startedAt, check.rebuiltUpTo(), last, failure);
    }

    /** Starts a check unless one is running. */
    synchronized void start() {
        if (running != null) {
            return;
        }
        startedAt = Instant.now();
        running = CompletableFuture.supplyAsync(check::run, worker);
        running.whenComplete((report, error) -> {
            synchronized (this) {
                if (report != null) {
                    last = report;
                    failure = null;
                } else {
                    failure = error.getCause() != null ? error.getCause().getMessage() : error.getMessage();
                }
                running = null;
            }
        });
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
