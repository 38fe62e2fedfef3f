package org.festivalledger.audit;

import org.festivalledger.ledger.LedgerLog;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The verifier's verdict on the ledger as it stands, for the auditor's pages: the same check as
 * {@code GET /api/audit/verification}, run in the background so a page about a long log can show how far it has got
 * instead of hanging, and run again only when the head has moved since the last run (a page that shows the verdict
 * next to every decision must not re-read the whole log on each view). One run at a time.
 */
@Service
class LatestVerification implements DisposableBean {

    private final LedgerLog ledger;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "auditor-verification");
        thread.setDaemon(true);
        return thread;
    });
    private Verification last;
    private long lastHead = -1;
    private CompletableFuture<Verification> running;
    private long runningHead;
    private final AtomicLong read = new AtomicLong();

    LatestVerification(LedgerLog ledger) {
        this.ledger = ledger;
    }

    /**
     * Where the verification of the ledger up to {@code head} stands: {@code verification} once done, otherwise the
     * events read so far of the {@code expected} (the verifier reads the log twice: the chain, then the decisions).
     */
    record State(Verification verification, long head, long read, long expected) {

        public boolean done() {
            return verification != null;
        }

        public int percent() {
            return expected == 0 ? 100 : (int) Math.min(100, read * 100 / expected);
        }
    }

    /** Waits for the verdict at the current head up to {@code patience}, then tells how far it has got. */
    State now(Duration patience) {
        CompletableFuture<Verification> run;
        long runHead;
        long head = ledger.head().position();
        synchronized (this) {
            if (last != null && lastHead == head) {
                return new State(last, head, 2 * head, 2 * head);
            }
            if (running == null) {
                start(head);
            }
            run = running;
            runHead = runningHead;
        }
        try {
            Verification outcome = run.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return new State(outcome, runHead, 2 * runHead, 2 * runHead);
        } catch (TimeoutException stillRunning) {
            synchronized (this) {
                return new State(null, runHead, read.get(), 2 * runHead);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the verification", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("the verification failed", e.getCause());
        }
    }

    private void start(long head) {
        read.set(0);
        runningHead = head;
        running = CompletableFuture.supplyAsync(() -> {
            try {
                return LedgerVerifier.verify(unreadable -> ledger.readFrom(1, LedgerExportController.CHUNK)
                        .takeWhile(event -> event.position() <= head)
                        .peek(event -> read.incrementAndGet()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, worker);
        running.whenComplete((outcome, failure) -> {
            synchronized (this) {
                if (outcome != null) {
                    last = outcome;
                    lastHead = head;
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
