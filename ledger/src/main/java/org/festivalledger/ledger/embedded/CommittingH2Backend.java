package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The H2 backend of mongo-java-server made durable, crash-consistent and safe for concurrent writers.
 *
 * <p>Durable: by default H2 commits its file about once a second, so a process killed with SIGKILL lost
 * the acknowledged writes of the last second. Here a write to a durable collection (the ledger's own
 * and the idempotency records) is committed to the file before the server replies, so whatever a
 * client saw acknowledged survives a crash of the process (not a power cut: the OS may still hold the
 * bytes; use a real MongoDB with journaling for that). Writes to other collections (read models,
 * tracking tokens) are committed by {@link #flush()} about once a second, or with the next durable write.
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
    /** Chunks less full than this are rewritten by {@link #compact()}, as H2's own housekeeping would. */
    private static final int TARGET_FILL_RATE = 80;
    private static final int COMPACTION_BYTES = 4 * 1024 * 1024;

    private final Object writeLock = new Object();
    private final Predicate<String> durable;
    private final MVStore store;

    CommittingH2Backend(MVStore store, Predicate<String> durableCollection) {
        super(store);
        this.store = store;
        this.durable = durableCollection;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command.toLowerCase())) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        synchronized (writeLock) {
            Document response = super.handleCommand(channel, databaseName, command, query);
            Object collection = query.get(command);
            if (!(collection instanceof String name) || durable.test(name)) {
                commit();
            }
            return response;
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
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE, COMPACTION_BYTES)) {
                commit();
            }
        }
    }
}
