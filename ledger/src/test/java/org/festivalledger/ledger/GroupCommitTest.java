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

import static org.assertj.core.api.Assertions.assertThat;
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
    void underLoadGroupCommitsAreSpacedSoThatMoreWritesShareEach() throws Exception {
        try (TestStore store = TestStore.open(directory.resolve("live"))) {
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC(), store.server::awaitDurable);
            ledger.append(List.of(event("warm-up", 0)), List.of());
            ledger.awaitDurable();
            long commitsBefore = fileVersion(store);
            long start = System.nanoTime();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String aggregate = "writer-" + w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ledger.append(List.of(event(aggregate, i)), List.of());
                        ledger.awaitDurable();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            writers.shutdown();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long commits = fileVersion(store) - commitsBefore;

            // At most one group commit per gathering interval, plus the housekeeping's flushes (every second) and
            // compactions (every 750 ms): back to back, eight writers would commit far more often than that.
            long bound = elapsedMillis / EmbeddedMongoStore.COMMIT_GATHER_MILLIS + elapsedMillis / 1_000
                    + elapsedMillis / EmbeddedMongoStore.COMPACT_MILLIS + 4;
            assertThat(commits).as("%d commits in %d ms for 400 writes", commits, elapsedMillis)
                    .isLessThanOrEqualTo(bound).isLessThan(200);
        }
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
