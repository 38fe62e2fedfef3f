package org.festivalledger.ledger.embedded;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * H2's own commit pipeline, switched on without its background writer: a commit captures the maps' roots on the
 * calling thread and hands the rest (serialising the changed pages, writing the chunk) to two threads of H2's.
 *
 * <p>Why: {@link CommittingH2Backend} commits under its write lock so that the file only ever holds whole writes.
 * Committed synchronously, the lock is held while every changed page is serialised and written, and each append
 * waits behind it while holding its aggregate's lock: under a jury's load that wait was the ledger's bottleneck.
 * The roots are all that must be taken between whole writes; the pages they reach never change afterwards (H2
 * copies a page on write once its version is being stored), so serialising them can overlap the next writes.
 *
 * <p>H2 creates these two executors only together with its background writer, which commits on a timer in the
 * middle of a write; so they are set here directly. If a later H2 renames them, commits stay synchronous (correct,
 * only slower) and a warning says so.
 */
final class ChunkPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChunkPipeline.class);

    private final MVStore store;
    private final ThreadPoolExecutor serialisation;
    private final ThreadPoolExecutor saving;

    private ChunkPipeline(MVStore store, ThreadPoolExecutor serialisation, ThreadPoolExecutor saving) {
        this.store = store;
        this.serialisation = serialisation;
        this.saving = saving;
    }

    /** Switches the pipeline on for {@code store}, or leaves its commits synchronous if H2 does not allow it. */
    static ChunkPipeline attach(MVStore store) {
        FileStore<?> file = store.getFileStore();
        ThreadPoolExecutor serialisation = executor("embedded-store-serialise");
        ThreadPoolExecutor saving = executor("embedded-store-save");
        try {
            set(file, "serializationExecutor", serialisation);
            set(file, "bufferSaveExecutor", saving);
            return new ChunkPipeline(store, serialisation, saving);
        } catch (ReflectiveOperationException | RuntimeException e) {
            serialisation.shutdown();
            saving.shutdown();
            log.warn("H2's commit pipeline is not reachable in this version ({}); the store commits synchronously", e.toString());
            return new ChunkPipeline(store, null, null);
        }
    }

    private static ThreadPoolExecutor executor(String name) {
        return new ThreadPoolExecutor(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void set(FileStore<?> file, String name, ThreadPoolExecutor executor) throws ReflectiveOperationException {
        Field field = FileStore.class.getDeclaredField(name);
        field.setAccessible(true);
        if (field.get(file) != null) {
            throw new IllegalStateException(name + " is already set");
        }
        field.set(file, executor);
    }

    boolean asynchronous() {
        return serialisation != null;
    }

    /**
     * Captures every change made so far as the next version (call it between whole writes); its chunk is written
     * by the pipeline, so the change is in the file only once {@link #awaitWritten()} returns.
     */
    void begin() {
        // tryCommit is H2's asynchronous commit; it gives up only if another commit holds H2's store lock, which
        // under the caller's write lock only compaction's own commit can: then commit and wait, as before.
        if (store.tryCommit() < 0 && store.hasUnsavedChanges()) {
            store.commit();
        }
    }

    /**
     * Returns once every chunk begun before the call is written to the file. Both executors are single threads
     * fed in order, so a task queued behind the last chunk runs after it.
     *
     * @throws IllegalStateException if the store closed meanwhile (H2 closes it when a write fails)
     */
    void awaitWritten() {
        if (serialisation != null) {
            drain(serialisation); // the serialisation queues the chunk's save before it ends
            drain(saving);
        }
        if (store.isClosed()) {
            throw new IllegalStateException("the embedded store closed before its commit was written");
        }
    }

    private static void drain(ThreadPoolExecutor executor) {
        try {
            executor.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store's commit", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the store's commit failed", e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the embedded store closed before its commit was written", e);
        }
    }

    /** Holds the pipeline until {@code release} counts down: for tests of what waits for the file and what not. */
    void holdUntil(CountDownLatch release) {
        if (serialisation == null) {
            throw new IllegalStateException("synchronous commits cannot be held");
        }
        serialisation.execute(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Stops the pipeline's threads once the store is closed (its last commit waited for them). */
    @Override
    public void close() {
        if (serialisation != null) {
            serialisation.shutdown();
            saving.shutdown();
        }
    }
}
