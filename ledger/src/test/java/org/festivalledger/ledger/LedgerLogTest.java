package org.festivalledger.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.festivalledger.ledger.Events.event;

class LedgerLogTest {

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
        if (store != null) { // null when skipped: -Pmongodb without MONGODB_URI
            store.close();
        }
    }

    @Test
    void positionsStartAtOneAndHaveNoGapAcrossCommitsOfSeveralEvents() {
        ledger.append(List.of(event("a", 0), event("a", 1), event("a", 2)), List.of());
        ledger.append(List.of(event("b", 0)), List.of());
        ledger.append(List.of(event("a", 3), event("b", 1)), List.of());

        assertThat(ledger.readFrom(1).map(StoredEvent::position)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ledger.head().position()).isEqualTo(6);
    }

    @Test
    void aReaderCanStartInTheMiddleOfACommit() {
        ledger.append(List.of(event("a", 0), event("a", 1), event("a", 2)), List.of());
        ledger.append(List.of(event("b", 0)), List.of());

        assertThat(ledger.readFrom(2).map(StoredEvent::position)).containsExactly(2L, 3L, 4L);
        assertThat(ledger.readFrom(5)).isEmpty();
    }

    @Test
    void theHashChainLinksEveryEventToItsPredecessor() {
        for (int i = 0; i < 20; i++) {
            ledger.append(List.of(event("agg-" + (i % 3), i / 3)), List.of());
        }
        ChainVerifier verifier = new ChainVerifier();
        ledger.readFrom(1).forEach(verifier::accept);

        assertThat(verifier.ok()).isTrue();
        assertThat(verifier.checked()).isEqualTo(20);
        assertThat(verifier.headHash()).isEqualTo(ledger.head().hash());
    }

    @Test
    void aTakenSequenceNumberIsAConflictAndNothingOfTheCommitIsStored() {
        ledger.append(List.of(event("a", 0), event("a", 1)), List.of());

        assertThatThrownBy(() -> ledger.append(List.of(event("b", 0), event("a", 1)), List.of()))
                .isInstanceOf(StreamConflict.class)
                .satisfies(e -> assertThat(((StreamConflict) e).aggregateId()).isEqualTo("a"));

        assertThat(ledger.head().position()).isEqualTo(2);
        assertThat(ledger.readStream("b", 0)).isEmpty();
        ledger.append(List.of(event("b", 0)), List.of());
        assertThat(ledger.head().position()).isEqualTo(3);
    }

    @Test
    void aUniquenessKeyCanBeRecordedOnlyOnce() {
        ledger.append(List.of(event("a", 0)), List.of("organiser:key-1"));

        assertThatThrownBy(() -> ledger.append(List.of(event("b", 0)), List.of("organiser:key-1")))
                .isInstanceOf(StreamConflict.class)
                .satisfies(e -> assertThat(((StreamConflict) e).uniqueKey()).isEqualTo("organiser:key-1"));
        assertThat(ledger.commitWithUniqueKey("organiser:key-1")).extracting(StoredEvent::aggregateId)
                .containsExactly("a");
    }

    @Test
    void anAggregateStreamIsReadInSequenceOrderFromAnySequenceNumber() {
        for (long seq = 0; seq < 600; seq++) {
            ledger.append(List.of(event("long", seq), event("other-" + seq, 0)), List.of());
        }
        assertThat(ledger.readStream("long", 0).map(StoredEvent::sequence))
                .containsExactlyElementsOf(LongStream.range(0, 600).boxed().toList());
        assertThat(ledger.readStream("long", 590).map(StoredEvent::sequence))
                .containsExactly(590L, 591L, 592L, 593L, 594L, 595L, 596L, 597L, 598L, 599L);
        assertThat(ledger.lastSequence("long")).contains(599L);
        assertThat(ledger.lastSequence("nobody")).isEmpty();
    }

    @Test
    void theLogAndItsHeadSurviveARestartOnTheSameFile() {
        for (int i = 0; i < 37; i++) {
            ledger.append(List.of(event("a", i)), List.of());
        }
        LedgerHead before = ledger.head();
        store.close();

        store = TestStore.open(directory);
        ledger = new LedgerLog(store.database, Clock.systemUTC());

        assertThat(ledger.head()).isEqualTo(before);
        ledger.append(List.of(event("a", 37)), List.of());
        assertThat(ledger.readFrom(1).map(StoredEvent::position))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 38).boxed().toList());
    }

    @Test
    void aSecondWriterOnTheSameStoreTakesTheNextFreePosition() {
        LedgerLog otherNode = new LedgerLog(store.database, Clock.systemUTC());
        ledger.append(List.of(event("a", 0)), List.of());
        otherNode.append(List.of(event("b", 0)), List.of());
        ledger.append(List.of(event("c", 0)), List.of());

        ChainVerifier verifier = new ChainVerifier();
        ledger.readFrom(1).forEach(verifier::accept);
        assertThat(verifier.problems()).isEmpty();
        assertThat(ledger.readFrom(1).map(StoredEvent::aggregateId)).containsExactly("a", "b", "c");
    }

    @Test
    void positionAtAnInstantIsTheLastCommitRecordedByThen() {
        ledger.append(List.of(event("a", 0)), List.of());
        ledger.append(List.of(event("a", 1)), List.of());
        List<StoredEvent> third = ledger.append(List.of(event("a", 2)), List.of());

        assertThat(ledger.positionAt(third.get(0).recordedAt())).isEqualTo(3);
        assertThat(ledger.positionAt(java.time.Instant.EPOCH)).isZero();
    }

    @Test
    void aBulkLoadAppendsManyCommitsThatReadAndVerifyLikeSingleAppends() {
        ledger.append(List.of(event("a", 0)), List.of());
        List<List<PendingEvent>> bulk = LongStream.range(0, 50)
                .mapToObj(i -> List.of(event("bulk-" + i, 0), event("bulk-" + i, 1))).toList();

        assertThat(ledger.appendAll(bulk)).isEqualTo(100);
        ledger.append(List.of(event("a", 1)), List.of());

        ChainVerifier verifier = new ChainVerifier();
        ledger.readFrom(1).forEach(verifier::accept);
        assertThat(verifier.problems()).isEmpty();
        assertThat(verifier.checked()).isEqualTo(102);
        assertThat(ledger.readStream("bulk-49", 0).map(StoredEvent::position)).containsExactly(100L, 101L);
    }

    @Test
    void aReaderFarBehindSwitchesToRangeReadsAndStillSeesEveryPositionOnceInOrder() {
        List<List<PendingEvent>> commits = LongStream.range(0, 300)
                .mapToObj(i -> i % 3 == 0 ? List.of(event("x-" + i, 0), event("x-" + i, 1)) : List.of(event("x-" + i, 0)))
                .toList();
        long total = ledger.appendAll(commits);

        assertThat(ledger.readFrom(1, 7).map(StoredEvent::position))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(ledger.readFrom(2, 5).map(StoredEvent::position))
                .containsExactlyElementsOf(LongStream.rangeClosed(2, total).boxed().toList());
    }

    @Test
    void textThatWouldNotReadBackAsHashedIsRefusedAndNothingIsAppended() {
        ledger.append(List.of(event("a", 0)), List.of());
        // MongoDB stores UTF-8, so a lone surrogate would come back as U+FFFD and the chain would look tampered with.
        assertThatThrownBy(() -> ledger.append(List.of(new PendingEvent("a", "Scorecard", 1, "e-1",
                "org.example.ScoreRevised", "1", "{\"reason\":\"\uD83C\"}", "{}",
                java.time.Instant.parse("2026-04-20T10:00:00Z"))), List.of()))
                .isInstanceOf(MalformedText.class).hasMessageContaining("payload");

        assertThat(ledger.head().position()).isEqualTo(1);
        ChainVerifier verifier = new ChainVerifier();
        ledger.readFrom(1).forEach(verifier::accept);
        assertThat(verifier.ok()).isTrue();
    }

    @Test
    void aCommitLargerThanOneDocumentIsRefusedAndNothingIsAppended() {
        ledger.append(List.of(event("a", 0)), List.of());
        String page = "{\"synopsis\":\"" + "x".repeat(1_000_000) + "\"}";
        List<PendingEvent> tooMany = LongStream.range(1, 18).mapToObj(sequence -> new PendingEvent("a", "Scorecard",
                sequence, "e-" + sequence, "org.example.Long", "1", page, "{}",
                java.time.Instant.parse("2026-04-20T10:00:00Z"))).toList();

        assertThatThrownBy(() -> ledger.append(tooMany, List.of())).isInstanceOf(CommitTooLarge.class)
                .hasMessageContaining("17 events");
        assertThat(ledger.head().position()).isEqualTo(1);
        ledger.append(List.of(event("a", 1)), List.of());
        assertThat(ledger.head().position()).as("the log goes on").isEqualTo(2);
    }
}
