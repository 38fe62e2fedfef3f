package org.festivalledger.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.ledger.Events.event;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The head a read path shows: current with this node's appends and readers, never behind a lock or the store. */
class KnownHeadTest {

    @TempDir
    Path directory;
    TestStore store;
    LedgerLog ledger;

    @BeforeEach
    void open() {
        store = TestStore.open(directory);
        ledger = new LedgerLog(store.database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theKnownHeadIsTheStoredHeadAfterEveryAppendOfThisNode() {
        assertThat(ledger.knownHead().position()).isZero();
        ledger.append(List.of(event("a", 0), event("a", 1)), List.of());
        ledger.append(List.of(event("b", 0)), List.of());

        assertThat(ledger.knownHead()).isEqualTo(ledger.head());
        assertThat(ledger.knownHead().position()).isEqualTo(3);
    }

    @Test
    void anotherNodesAppendsBecomeKnownOnceReadHere() {
        ledger.knownHead();
        LedgerLog otherNode = new LedgerLog(store.database, Clock.systemUTC());
        otherNode.append(List.of(event("a", 0)), List.of());
        otherNode.append(List.of(event("a", 1)), List.of());

        assertThat(ledger.knownHead().position()).as("nothing read here yet").isZero();
        assertThat(ledger.currentHead()).as("the stored head, read without the lock").isEqualTo(otherNode.head());
        assertThat(ledger.knownHead()).isEqualTo(otherNode.head());
    }

    @Test
    void theKnownHeadAnswersWhileAnAppendHoldsTheLedgerAndWithoutTheStore() throws Exception {
        ledger.append(List.of(event("a", 0)), List.of());
        LedgerHead expected = ledger.head();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread appender = new Thread(() -> {
            synchronized (ledger) { // what append() and head() hold
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        appender.start();
        held.await();
        try {
            store.close(); // and the store is gone too
            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThat(ledger.knownHead()).isEqualTo(expected));
        } finally {
            release.countDown();
            appender.join();
            store = TestStore.open(directory);
        }
    }
}
