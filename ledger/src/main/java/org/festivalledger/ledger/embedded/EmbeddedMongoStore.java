package org.festivalledger.ledger.embedded;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default store: mongo-java-server with its H2 backend in this process, its file under the
 * data directory, listening on loopback only. Clients reach it with the real MongoDB driver, the same
 * code path as a production MongoDB.
 */
public final class EmbeddedMongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);
    public static final String FILE_NAME = "ledger.mv.db";
    private static final int CACHE_MB = 256;
    private static final long FLUSH_MILLIS = 1_000;
    private static final long COMPACT_MILLIS = 30_000;
    /** The share of the heap the page cache may take at most: the rest is the application's. */
    private static final int HEAP_SHARE = 8;

    private final MongoServer server;
    private final MVStore store;
    private final InetSocketAddress address;
    private final Path file;
    private final ScheduledExecutorService writer;

    private EmbeddedMongoStore(Path file, MVStore store, MongoServer server, InetSocketAddress address,
                               ScheduledExecutorService writer) {
        this.file = file;
        this.store = store;
        this.server = server;
        this.address = address;
        this.writer = writer;
    }

    /**
     * Opens (or creates) the store file in {@code dataDirectory} and listens on 127.0.0.1:{@code port}
     * (0 picks a free port).
     */
    public static EmbeddedMongoStore start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        // A page cache well above H2's 16 MB default: pages of commits and views stay decoded, which keeps
        // replays and range reads near memory speed (measured in docs/benchmarks.md).
        // No auto-commit: H2 would commit in the middle of a write; CommittingH2Backend commits between writes.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes()).autoCommitDisabled()
                .open();
        CommittingH2Backend backend = new CommittingH2Backend(store, EmbeddedMongoStore::isDurable);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-writer");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(() -> housekeeping(backend::flush), FLUSH_MILLIS, FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(() -> housekeeping(backend::compact), COMPACT_MILLIS, COMPACT_MILLIS,
                TimeUnit.MILLISECONDS);
        log.info("Embedded MongoDB-compatible store on {} with its data in {}", address, file);
        return new EmbeddedMongoStore(file, store, server, address, writer);
    }

    // A failed flush must not end the schedule: the next one (or the next durable write) commits it all.
    private static void housekeeping(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Embedded store housekeeping failed; retrying at the next interval", e);
        }
    }

    /**
     * 256 MB, or an eighth of the heap if that is less: the cache holds decoded pages on the heap, and one as
     * large as a small heap leaves nothing for the application (a 256 MB heap ran out of memory while its
     * processors caught up with 200,000 events).
     */
    static int cacheMegabytes() {
        long heapMegabytes = Runtime.getRuntime().maxMemory() >> 20;
        return (int) Math.max(16, Math.min(CACHE_MB, heapMegabytes / HEAP_SHARE));
    }

    /** Collections whose acknowledged writes must survive a crash: the ledger's and idempotency records. */
    static boolean isDurable(String collection) {
        return collection.startsWith("ledger_") || collection.startsWith("idempotency");
    }

    /** A connection string for the MongoDB driver. */
    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Stops listening and closes the file cleanly. */
    @Override
    public void close() {
        // Not shutdownNow: interrupting a commit would close H2's file channel under it.
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
    }
}
