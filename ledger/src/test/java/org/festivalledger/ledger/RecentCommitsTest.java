package org.festivalledger.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.ledger.Events.event;

/**
 * A reader that follows the head takes this node's last appends from memory ({@link RecentCommits}): the same
 * events a read from the store decodes, without reading them back; other nodes' commits come from the store.
 */
class RecentCommitsTest {

    @TempDir
    Path directory;
    TestStore store;
    FindsSeen finds;

    @BeforeEach
    void open() {
        store = TestStore.open(directory);
        finds = new FindsSeen(store);
    }

    @AfterEach
    void close() {
        finds.close();
        store.close();
    }

    @Test
    void aReaderFollowingTheHeadTakesThisNodesAppendsWithoutReadingThemBack() {
        LedgerLog ledger = new LedgerLog(finds.database(), Clock.systemUTC());
        ledger.append(List.of(event("a", 0), event("a", 1)), List.of());
        ledger.append(List.of(event("b", 0)), List.of());
        ledger.append(List.of(event("a", 2)), List.of("idempotency-1"));
        int before = finds.count();

        List<StoredEvent> followed = ledger.readFrom(1).toList();
        List<StoredEvent> next = ledger.readFrom(4).toList();

        assertThat(followed).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(next).extracting(StoredEvent::position).containsExactly(4L);
        assertThat(finds.count() - before).as("only the look past the head, once per reader").isEqualTo(2);
    }

    @Test
    void eventsTakenFromMemoryAreTheEventsTheStoreHolds() {
        LedgerLog ledger = new LedgerLog(finds.database(), Clock.systemUTC());
        PendingEvent unusual = new PendingEvent("评委-7", "Scorecard", 0, UUID.randomUUID().toString(),
                "org.example.ScoreRecorded", "2", "{\"comment\":\"光影与人工智能 — \\\"quoted\\\"\"}",
                "{\"actor\":\"评委-7\",\"reason\":null}", Instant.parse("2026-04-20T10:00:00.123456789Z"));
        ledger.append(List.of(unusual, event("评委-7", 1)), List.of());
        ledger.append(List.of(event("system", 0)), List.of());

        List<StoredEvent> fromMemory = ledger.readFrom(1).toList();
        List<StoredEvent> fromTheStore = new LedgerLog(store.database, Clock.systemUTC()).readFrom(1).toList();

        assertThat(fromMemory).hasSize(3).isEqualTo(fromTheStore);
    }

    @Test
    void aSlotAnswersOnlyForThePositionItHoldsOnceLaterCommitsTookItOver() {
        LedgerLog ledger = new LedgerLog(finds.database(), Clock.systemUTC());
        for (int i = 0; i < 300; i++) { // more commits than remembered: 1 and 257 share a slot, and so on
            ledger.append(List.of(event("a", i)), List.of());
        }

        List<StoredEvent> followed = ledger.readFrom(1).toList();

        assertThat(followed).extracting(StoredEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 300).boxed().toList());
        assertThat(followed).isEqualTo(new LedgerLog(store.database, Clock.systemUTC()).readFrom(1).toList());
    }

    @Test
    void aLargeCommitIsReadFromTheStore() {
        LedgerLog ledger = new LedgerLog(finds.database(), Clock.systemUTC());
        PendingEvent small = event("a", 0);
        PendingEvent large = new PendingEvent("a", "Scorecard", 1, UUID.randomUUID().toString(),
                "org.example.EntriesImported", "1", "{\"rows\":\"" + "x".repeat(RecentCommits.LARGEST_CHARACTERS) + "\"}",
                "{}", Instant.parse("2026-04-20T10:00:00Z"));
        ledger.append(List.of(small), List.of());
        ledger.append(List.of(large), List.of());
        int before = finds.count();

        assertThat(ledger.readFrom(1).toList()).extracting(StoredEvent::payload)
                .containsExactly(small.payload(), large.payload());
        assertThat(finds.count() - before).as("the large commit, then the look past the head").isEqualTo(2);
    }

    @Test
    void anotherNodesCommitsAreReadFromTheStoreInTheirPlace() {
        LedgerLog here = new LedgerLog(finds.database(), Clock.systemUTC());
        LedgerLog otherNode = new LedgerLog(store.database, Clock.systemUTC());
        here.append(List.of(event("a", 0)), List.of());
        otherNode.append(List.of(event("b", 0), event("b", 1)), List.of());
        here.append(List.of(event("a", 1)), List.of());

        assertThat(here.readFrom(1).toList()).extracting(StoredEvent::aggregateId)
                .containsExactly("a", "b", "b", "a");
        assertThat(here.readFrom(2).toList()).isEqualTo(otherNode.readFrom(2).toList());
        assertThat(here.readFrom(3).toList()).as("a position inside another node's commit")
                .extracting(StoredEvent::position).containsExactly(3L, 4L);
    }
}
