package org.festivalledger.view;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A view's snapshot read on a thread of its own while the application starts, and waited for on the view's first
 * use. At festival scale the judging board and the audit trail each take seconds to read and decode their
 * snapshots; read one after the other inside Spring's start they made a restart wait for their sum, read beside
 * the start they cost only what outlasts it.
 * <p>
 * Every method of the view that touches restored state calls {@link #await()} first. The restoring thread must
 * not take a lock a waiting caller may hold (the view's monitor), or the two would wait for each other forever:
 * it only fills fields, and {@link #await()} publishes them to the caller (a completed future happens-before the
 * return of its {@code join}).
 */
public final class BackgroundRestore<T> {

    private final CompletableFuture<T> result;

    private BackgroundRestore(String threadName, Supplier<T> restore) {
        this.result = CompletableFuture.supplyAsync(restore, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Starts {@code restore} now, on a new daemon thread named {@code threadName}. */
    public static <T> BackgroundRestore<T> start(String threadName, Supplier<T> restore) {
        return new BackgroundRestore<>(threadName, restore);
    }

    /** A view with nothing to restore (a copy rebuilt from the log alone). */
    public static <T> BackgroundRestore<T> nothing(T value) {
        return new BackgroundRestore<>(CompletableFuture.completedFuture(value));
    }

    private BackgroundRestore(CompletableFuture<T> result) {
        this.result = result;
    }

    /** What the restore returned, once it has finished (at once after that); its failure, if it failed. */
    public T await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
