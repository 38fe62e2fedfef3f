package org.festivalledger.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.festivalledger.ledger.Events.event;

/** The embedded store's file stays near its live data: compaction at a clean close, and offline. */
class StoreFileSizeTest {

    private static final int EVENTS = 3_000;

    @TempDir
    Path directory;

    @Test
    void aLogOfOneCommitPerEventClosesAtUnderTwoKilobytesPerEventAndCompactsOfflineWithNothingLost() throws Exception {
        try (TestStore store = TestStore.open(directory)) {
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC());
            for (int i = 0; i < EVENTS; i++) {
                ledger.append(List.of(event("entry-" + (i % 50), i / 50)), List.of()); // one file commit each
            }
        }
        long closed = Files.size(directory.resolve(EmbeddedMongoStore.FILE_NAME));
        assertThat(closed / EVENTS).as("bytes per event after a clean close (%,d bytes)", closed)
                .isLessThanOrEqualTo(2_048);

        long[] sizes = EmbeddedMongoStore.compactOffline(directory);
        assertThat(sizes[0]).isEqualTo(closed);
        assertThat(sizes[1]).isLessThanOrEqualTo(sizes[0]);
        try (EmbeddedMongoStore reopened = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            LedgerLog ledger = new LedgerLog(client.getDatabase("festival"), Clock.systemUTC());
            ChainVerifier verifier = new ChainVerifier();
            assertThat(ledger.readFrom(1).peek(verifier::accept).count()).isEqualTo(EVENTS);
            assertThat(verifier.ok()).isTrue();
            ledger.append(List.of(event("after", 0)), List.of());
            assertThat(ledger.head().position()).as("the compacted file takes appends").isEqualTo(EVENTS + 1);
        }
    }

    @Test
    void aFileStillOpenInARunningStoreIsNotCompacted() {
        try (TestStore store = TestStore.open(directory)) {
            new LedgerLog(store.database, Clock.systemUTC()).append(List.of(event("a", 0)), List.of());
            assertThatThrownBy(() -> EmbeddedMongoStore.compactOffline(directory)).isInstanceOf(IOException.class)
                    .hasMessageContaining("still running");
        }
    }
}
