package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The H2 backend of mongo-java-server made durable, crash-consistent and safe for concurrent writers.
 *
 * <p>Durable: by default H2 commits its file about once a second, so a process killed with SIGKILL lost
 * the acknowledged writes of the last second. Here a write to a durable collection (the ledger's own
 * and the idempotency records) is committed to the file before the server replies, so whatever a
 * client saw acknowledged survives a crash of the process (not a power cut: the OS may still hold the
 * bytes; use a real MongoDB with journaling for that). Writes to other collections (read models,
 * tracking tokens) are committed by {@link #flush()} about once a second, with the next durable write, or
 * after any write once H2 counts more than {@link #UNSAVED_LIMIT} unsaved (which bounds their memory).
 *
 * <p>Crash-consistent: one MongoDB write touches several H2 maps (the documents, then every index, then
 * the collection's size), and H2 has no transaction over them. Left to itself H2 also commits from a
 * background thread, or from the writing thread once enough is unsaved, at any moment, so a crash could
 * leave a document without its index entries: the ledger would then find a position free that is taken,
 * and refuse every later append. The store is therefore opened without auto-commit, and every commit
 * here runs under the write lock, between whole write commands: the file always holds a prefix of the
 * writes, each whole.
 *
 * <p>Serialised: the server checks unique indexes and then inserts, without a lock between the two, so
 * two concurrent inserts of the same key could both pass the check. Writes are rare next to reads in
 * the ledger and H2 has a single writer anyway, so one lock around every write costs little.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");
    /**
     * While the file's chunks hold less live data than this (percent, all chunks together), {@link #compact()}
     * rewrites the live pages of the sparsest and oldest ones, as H2's own housekeeping would.
     */
    private static final int TARGET_FILL_RATE = 80;
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(EmbeddedMongoStore.COMMIT_GATHER_MILLIS);
    /**
     * Unsaved pages (H2's estimate, bytes) past which a write is followed by a commit, durable or not. H2 itself would
     * commit at about this size, but in the middle of a write (it is told not to, see EmbeddedMongoStore#openFile);
     * without any bound a views' catch-up writing snapshots and checkpoints between two flushes once filled a 1 GB
     * heap with unsaved pages and the commit that finally came ran out of memory.
     */
    static final int UNSAVED_LIMIT = 16 * 1024 * 1024;
    /** Below this share of live data in the file's chunks (percent), the file is rewritten after a clean close. */
    private static final int REWRITE_BELOW_FILL_RATE = 50;

    private final Object writeLock = new Object();
    private final Predicate<String> durable;
    private final MVStore store;
    /** Write commands applied so far; guarded by {@link #writeLock}. */
    private long applied;
    /** The number of applied writes the file holds: every commit sets it, under the write lock. */
    private volatile long committed;
    /** Guards {@link #committing}: whether a thread is committing on behalf of every waiting writer. */
    private final Object groupCommit = new Object();
    private boolean committing;
    /** When the last group commit ended ({@link System#nanoTime()}), and how many writes it held: committer only. */
    private volatile long lastGroupCommitEnd = System.nanoTime();
    private volatile long lastGroupSize;
    /** Whether the file was mostly dead space when it was closed. */
    private volatile boolean sparseAtClose;
    /** {@link #applied} when the last compaction step began; guarded by {@link #writeLock}. */
    private long appliedAtLastStep;
    private final CompactionSteps compactionSteps =
            new CompactionSteps(CompactionSteps.LARGER_STEP_EVERY_MILLIS, EmbeddedMongoStore.COMPACT_MILLIS);

    CommittingH2Backend(MVStore store, Predicate<String> durableCollection) {
        super(store);
        this.store = store;
        this.durable = durableCollection;
    }

    /**
     * Its documents are stored as BSON ({@link DocumentValueType}) and its unique indexes compare keys without
     * serialising them at every step ({@link IndexKeyType}).
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // getMvStore(), not the field: the server's constructor opens the existing databases before it is set.
        return TypedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase())) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        synchronized (writeLock) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            applied++;
            Object collection = query.get(command);
            if ((!(collection instanceof String name) || durable.test(name)) && !deferred(query)
                    || store.getUnsavedMemory() > UNSAVED_LIMIT) {
                commit();
            }
            return response;
        }
    }

    /**
     * A writer that asks for no journal ({@code writeConcern: {j: false}}) on a durable collection promises to call
     * {@link #awaitDurable()} before it tells anyone the write happened: the ledger does, so that concurrent
     * appends share one commit (group commit) instead of one commit each.
     */
    private static boolean deferred(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * Returns once every write applied before the call is in the file. The first writer to arrive commits for
     * all that are waiting (under the write lock, between whole writes, as every commit here); the others wait
     * for it, and whoever arrives during that commit is served by the next one. Under load a commit holds
     * the writes of everyone who arrived while the previous one was being written, and the committer first waits
     * out the rest of {@link EmbeddedMongoStore#COMMIT_GATHER_MILLIS} since that one ended.
     */
    void awaitDurable() {
        long target;
        synchronized (writeLock) {
            target = applied;
        }
        while (committed < target) {
            synchronized (groupCommit) {
                if (committed >= target) {
                    return;
                }
                if (committing) {
                    try {
                        groupCommit.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the store's commit", e);
                    }
                    continue;
                }
                committing = true;
            }
            try {
                if (lastGroupSize > 1) {
                    gatherWrites(lastGroupCommitEnd);
                }
                synchronized (writeLock) {
                    if (committed < applied) {
                        long before = committed;
                        commit();
                        lastGroupSize = committed - before;
                    }
                }
                lastGroupCommitEnd = System.nanoTime();
            } finally {
                synchronized (groupCommit) {
                    committing = false;
                    groupCommit.notifyAll();
                }
            }
        }
    }

    /**
     * Closes the file cleanly between whole writes: commits what is left, noting whether most of the file was dead
     * space (then {@link EmbeddedMongoStore#close()} rewrites it into a fresh file).
     */
    @Override
    public void close() {
        synchronized (writeLock) {
            if (!store.isClosed()) {
                sparseAtClose = store.getFileStore() != null
                        && Math.min(store.getFillRate(), store.getFileStore().getChunksFillRate()) < REWRITE_BELOW_FILL_RATE;
                // No in-place compaction at close: H2 2.3's chunk moving there failed an internal assertion
                // (RandomAccessStore.moveChunkInside) in our tests; a sparse file is rewritten afresh instead.
                store.close();
            }
            super.close();
        }
    }

    /**
     * Waits until {@link EmbeddedMongoStore#COMMIT_GATHER_MILLIS} after the last group commit ended, so that more
     * writes share the next; called only when the last one held more than one write (there are concurrent writers).
     */
    private static void gatherWrites(long lastEnd) {
        long wait = Math.min(GATHER_NANOS, GATHER_NANOS - (System.nanoTime() - lastEnd));
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Whether the file was mostly dead space when it was closed. */
    boolean wasSparseAtClose() {
        return sparseAtClose;
    }

    @Override
    public void commit() {
        synchronized (writeLock) {
            long covered = applied;
            super.commit();
            committed = covered;
        }
    }

    /** Commits whatever was written since the last commit (read models, tokens), between whole writes. */
    void flush() {
        synchronized (writeLock) {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                commit();
            }
        }
    }

    /**
     * Rewrites sparsely filled chunks (H2's background thread would, but it is off) so the file does not grow
     * with dead space, then commits the rewritten pages.
     */
    void compact() {
        synchronized (writeLock) {
            if (store.isClosed()) {
                return;
            }
            int limit = compactionSteps.limit(applied - appliedAtLastStep);
            appliedAtLastStep = applied;
            if (store.compact(TARGET_FILL_RATE, limit)) {
                commit();
            }
            compactionSteps.done(store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE);
        }
    }
}
