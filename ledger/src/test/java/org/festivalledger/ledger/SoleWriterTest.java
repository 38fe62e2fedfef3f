package org.festivalledger.ledger;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.ledger.Events.event;

/**
 * A ledger that makes every append to its store (the embedded store of its own process) answers from memory what
 * only another writer could change: that nothing lies past its head, and that a key it found absent still is. A
 * ledger on a shared store asks the store each time, and sees what the other writer appended.
 */
class SoleWriterTest {

    @TempDir
    Path directory;
    TestStore store;
    FindsSeen seen;
    /** The filter of every find the ledgers under test sent. */
    List<String> finds;

    @BeforeEach
    void open() {
        store = TestStore.open(directory);
        seen = new FindsSeen(store);
        finds = seen.filters;
    }

    @AfterEach
    void close() {
        seen.close();
        store.close();
    }

    private MongoDatabase database() {
        return seen.database();
    }

    @Test
    void aReaderPastTheSoleWritersHeadEndsWithoutAskingTheStore() {
        LedgerLog ledger = new LedgerLog(database(), Clock.systemUTC(), null, true);
        ledger.append(List.of(event("a", 0), event("a", 1)), List.of());
        finds.clear();

        assertThat(ledger.readFrom(1).toList()).extracting(StoredEvent::position).containsExactly(1L, 2L);
        assertThat(ledger.readFrom(3).toList()).isEmpty();
        assertThat(finds).as("the append is in memory; nothing lies past it").isEmpty();

        ledger.append(List.of(event("a", 2)), List.of());
        assertThat(ledger.readFrom(3).toList()).extracting(StoredEvent::position).containsExactly(3L);
    }

    @Test
    void aSoleWriterOpenedOnAnExistingLogReadsItWholeBeforeItHasAppended() {
        LedgerLog before = new LedgerLog(store.database, Clock.systemUTC());
        for (int i = 0; i < 40; i++) {
            before.append(List.of(event("a", i)), List.of());
        }
        LedgerLog reopened = new LedgerLog(database(), Clock.systemUTC(), null, true);

        assertThat(reopened.readFrom(1).toList()).as("a reader passing position 1 is not the end of the log")
                .hasSize(40);
        assertThat(reopened.readFrom(30).toList()).hasSize(11);
    }

    @Test
    void aReaderCatchingUpMeasuresABatchOfKeysBeforeItsFirstRangeRead() {
        LedgerLog writer = new LedgerLog(store.database, Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            writer.append(List.of(event("a", i)), List.of());
        }
        LedgerLog reader = new LedgerLog(database(), Clock.systemUTC());

        assertThat(reader.readFrom(1).toList()).hasSize(100);
        List<String> catchUp = finds.stream().filter(f -> f.contains("$in") || f.contains("$gte")).toList();
        assertThat(catchUp).as("past 32 exact lookups: keys, then a range read to compare with them").isNotEmpty();
        assertThat(catchUp.get(0)).contains("$in");
        assertThat(catchUp).anyMatch(f -> f.contains("$gte"));
    }

    @Test
    void aReaderOnASharedStoreLooksPastItsHeadAndFindsAnotherWritersCommit() {
        LedgerLog here = new LedgerLog(database(), Clock.systemUTC());
        LedgerLog otherNode = new LedgerLog(store.database, Clock.systemUTC());
        here.append(List.of(event("a", 0)), List.of());
        otherNode.append(List.of(event("b", 0)), List.of());

        assertThat(here.readFrom(2).toList()).extracting(StoredEvent::aggregateId).containsExactly("b");
    }

    @Test
    void aSoleWriterRemembersAKeyItFoundAbsentUntilOneOfItsAppendsCarriesIt() {
        LedgerLog ledger = new LedgerLog(database(), Clock.systemUTC(), null, true);
        ledger.append(List.of(event("a", 0)), List.of("juror-access:c:j1:1"));
        finds.clear();

        assertThat(ledger.hasUniqueKey("juror-access:c:j1:2")).isFalse();
        assertThat(ledger.hasUniqueKey("juror-access:c:j1:2")).isFalse();
        assertThat(finds).as("asked once, then remembered").hasSize(1);
        assertThat(ledger.hasUniqueKey("juror-access:c:j1:1")).as("a key that is there").isTrue();

        ledger.append(List.of(event("a", 1)), List.of("juror-access:c:j1:2"));
        assertThat(ledger.hasUniqueKey("juror-access:c:j1:2")).as("appended since").isTrue();
    }

    @Test
    void aLookupThatRacedAKeyedAppendIsNotRemembered() {
        AbsentKeys absent = new AbsentKeys();
        long before = absent.keyedAppends();
        absent.appended(List.of("k")); // the append completed while the lookup read the store
        absent.lookedUpAbsent("k", before);

        assertThat(absent.knownAbsent("k")).isFalse();
    }

    @Test
    void aLedgerOnASharedStoreAsksForAKeyEveryTimeAndSeesAnotherWritersAppend() {
        LedgerLog here = new LedgerLog(database(), Clock.systemUTC());
        LedgerLog otherNode = new LedgerLog(store.database, Clock.systemUTC());
        here.append(List.of(event("a", 0)), List.of());
        finds.clear();

        assertThat(here.hasUniqueKey("juror-access:c:j1:2")).isFalse();
        otherNode.append(List.of(event("b", 0)), List.of("juror-access:c:j1:2"));

        assertThat(here.hasUniqueKey("juror-access:c:j1:2")).isTrue();
        assertThat(finds).hasSize(2);
    }

    @Test
    void aReaderStartsWithExactKeysWhereAnEarlierOneFoundRangeReadsDearer() {
        LedgerLog writer = new LedgerLog(store.database, Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            writer.append(List.of(event("a", i)), List.of());
        }
        LedgerLog reader = new LedgerLog(database(), Clock.systemUTC());

        assertThat(reader.readFrom(1).toList()).hasSize(100);
        assertThat(finds).as("past 32 exact hits, a reader tries a range read").anyMatch(f -> f.contains("$gte"));

        finds.clear();
        reader.rangeReadsDearerFrom(20);
        assertThat(reader.readFrom(10).toList()).as("from before that position").hasSize(91);
        assertThat(finds).anyMatch(f -> f.contains("$gte"));

        finds.clear();
        assertThat(reader.readFrom(20).toList()).hasSize(81);
        assertThat(finds).as("from that position on, exact keys only").noneMatch(f -> f.contains("$gte"))
                .anyMatch(f -> f.contains("$in"));
    }
}
