package org.festivalledger.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.lang.reflect.Method;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.festivalledger.ledger.Events.event;

/**
 * Group commit on the embedded store: appends share one file commit, and whatever {@code awaitDurable} has
 * returned for is in the file — a copy of the file taken at that moment, which is what a SIGKILL leaves, holds it.
 */
class GroupCommitTest {

    @TempDir
    Path directory;

    @Test
    void appendsMadeMeanwhileShareOneCommitAndAreInTheFileWhenAwaitDurableReturns() throws Exception {
        Path copy = directory.resolve("crashed");
        try (TestStore store = TestStore.open(directory.resolve("live"))) {
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC(), store.server::awaitDurable);
            ledger.append(List.of(event("a", 0)), List.of());
            ledger.awaitDurable();
            long commitsBefore = fileVersion(store);
            for (int i = 1; i <= 20; i++) {
                ledger.append(List.of(event("a", i)), List.of());
            }
            ledger.awaitDurable();
            // One commit for the twenty, or two if the once-a-second housekeeping flush fell in between.
            assertThat(fileVersion(store) - commitsBefore).as("twenty appends, one commit").isBetween(1L, 2L);

            Files.createDirectories(copy);
            Files.copy(store.server.file(), copy.resolve(EmbeddedMongoStore.FILE_NAME));
        }
        assertThat(positionsIn(copy)).as("the file as a crash leaves it").hasSize(21);
    }

    @Test
    void concurrentWritersEachReturnDurableAndTheLogStaysDenseAndChained() throws Exception {
        Path copy = directory.resolve("crashed");
        try (TestStore store = TestStore.open(directory.resolve("live"))) {
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC(), store.server::awaitDurable);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<Long>> acknowledged = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String aggregate = "writer-" + w;
                acknowledged.add(writers.submit(() -> {
                    long last = 0;
                    for (int i = 0; i < 50; i++) {
                        last = ledger.append(List.of(event(aggregate, i)), List.of()).get(0).position();
                        ledger.awaitDurable();
                    }
                    return last;
                }));
            }
            long highest = 0;
            for (Future<Long> future : acknowledged) {
                highest = Math.max(highest, future.get());
            }
            writers.shutdown();
            Files.createDirectories(copy);
            Files.copy(store.server.file(), copy.resolve(EmbeddedMongoStore.FILE_NAME));
            assertThat(highest).isEqualTo(400);
        }
        List<Long> positions = positionsIn(copy);
        assertThat(positions).hasSize(400);
        assertThat(positions.get(positions.size() - 1)).isEqualTo(400);
    }

    @Test
    void writesGoOnWhileTheCommitBeforeThemIsWrittenAndNoWaiterReturnsBeforeItsChunkIsInTheFile() throws Exception {
        Path whileHeld = directory.resolve("while-held");
        Path released = directory.resolve("released");
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try (TestStore store = TestStore.open(directory.resolve("live"))) {
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC(), store.server::awaitDurable);
            ledger.append(List.of(event("a", 0)), List.of());
            ledger.awaitDurable();
            CountDownLatch release = new CountDownLatch(1);
            holdCommits(store, release);

            ledger.append(List.of(event("a", 1)), List.of());
            long version = fileVersion(store);
            Future<?> durable = waiter.submit(ledger::awaitDurable);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fileVersion(store) == version) { // the waiter has begun the commit of position 2
                assertThat(System.nanoTime()).as("the commit began").isLessThan(deadline);
                Thread.onSpinWait();
            }
            // The commit's chunk cannot be written while the pipeline is held, yet the next append is applied.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ledger.append(List.of(event("a", 2)), List.of()));
            copyFile(store, whileHeld);
            assertThat(durable).as("no acknowledgement before the chunk is written").isNotDone();

            release.countDown();
            durable.get(10, TimeUnit.SECONDS);
            copyFile(store, released);
        } finally {
            waiter.shutdownNow();
        }
        assertThat(positionsIn(whileHeld)).as("the file while the chunk waited").containsExactly(1L);
        assertThat(positionsIn(released)).as("the file once the waiter returned").startsWith(1L, 2L);
    }

    private static void holdCommits(TestStore store, CountDownLatch release) throws Exception {
        Method hold = EmbeddedMongoStore.class.getDeclaredMethod("holdCommitsUntil", CountDownLatch.class);
        hold.setAccessible(true);
        hold.invoke(store.server, release);
    }

    private static void copyFile(TestStore store, Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.copy(store.server.file(), directory.resolve(EmbeddedMongoStore.FILE_NAME));
    }

    private static long fileVersion(TestStore store) throws Exception {
        // Each commit of the MVStore writes a new version; reading it needs the store object itself.
        java.lang.reflect.Field field = EmbeddedMongoStore.class.getDeclaredField("store");
        field.setAccessible(true);
        return ((MVStore) field.get(store.server)).getCurrentVersion();
    }

    /** Opens a copy of a store file and reads its log: every position, checking the chain on the way. */
    private static List<Long> positionsIn(Path directory) {
        try (EmbeddedMongoStore reopened = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            LedgerLog ledger = new LedgerLog(client.getDatabase("festival"), Clock.systemUTC());
            ChainVerifier verifier = new ChainVerifier();
            List<Long> positions = new ArrayList<>();
            ledger.readFrom(1).forEach(event -> {
                verifier.accept(event);
                positions.add(event.position());
            });
            assertThat(verifier.ok()).isTrue();
            return positions;
        }
    }
}
