package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.CloseRound;
import org.festivalledger.round.DropEntry;
import org.festivalledger.shortlist.NoShortlist;
import org.festivalledger.round.EarlierRoundNotClosed;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.OpenRound;
import org.festivalledger.round.RoundAlreadyClosed;
import org.festivalledger.round.RoundAlreadyExists;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.round.UnknownRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.CRITERIA;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/** Rounds: opened with their entries and rules, closed once; an entry leaving the competition leaves the open ones. */
class RoundTest {

    private static final List<String> ENTRIES = List.of("entry-01", "entry-02", "entry-03");
    private static final EntrySource SHORTLIST_OF_PRELIMINARY = EntrySource.parse("SHORTLIST_OF:preliminary");
    private static final String WITHDRAWN = "withdrawn: selected for another festival";

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    @Test
    void aRoundOpensWithItsEntriesAndTheCompetitionsCriteria() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 3, 2, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RoundOpened(COMPETITION, "preliminary", "Preliminary", 3, AggregationMethod.MEDIAN,
                       2, EntrySource.ALL_ELIGIBLE, ENTRIES, CRITERIA));
    }

    @Test
    void openingADuplicateRoundIsRefused() {
        fixture.given(aJudging().withRound("preliminary", "entry-01").withClosed("preliminary").events())
               .when(open("preliminary", "Preliminary, again", 3, 2, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(RoundAlreadyExists.class)
               .expectNoEvents();
    }

    @Test
    void aRoundNeedsAnIdANameAndAtLeastOneJurorPerEntry() {
        fixture.given(aJudging().events())
               .when(open(" ", "", 0, 1, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(invalidFields("roundId", "name", "jurorsPerEntry"))
               .expectNoEvents();
    }

    @Test
    void aRoundNeedsAtLeastOneScorePerEntry() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 3, 0, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(invalidFields("minScoresPerEntry"))
               .expectNoEvents();
    }

    @Test
    void aRoundCannotNeedMoreScoresThanItHasJurorsPerEntry() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 3, 4, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(invalidFields("minScoresPerEntry"))
               .expectExceptionMessage(containsString("must not exceed jurorsPerEntry (3)"))
               .expectNoEvents();
    }

    @Test
    void aRoundAsksForAtMostAHundredJurorsPerEntry() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 1_000_000_000, 2, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(invalidFields("jurorsPerEntry"))
               .expectExceptionMessage(containsString("must be at most 100"))
               .expectNoEvents();
    }

    @Test
    void aRoundMayAskForAHundredJurorsPerEntryAndAsManyScores() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 100, 100, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRoundsNameMustShowSomethingOnceInvisibleCharactersAreRemoved() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "\u200B\u200C\u200D", 3, 2, EntrySource.ALL_ELIGIBLE, ENTRIES))
               .expectException(invalidFields("name"))
               .expectNoEvents();
    }

    @Test
    void aRoundNamesHowItAggregatesAndWhereItsEntriesComeFrom() {
        fixture.given(aJudging().events())
               .when(new OpenRound(COMPETITION, "preliminary", "Preliminary", 3, null, 2, null, ENTRIES))
               .expectException(invalidFields("aggregation", "entries"))
               .expectNoEvents();
    }

    @Test
    void aRoundJudgesAtLeastOneEntry() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 3, 2, EntrySource.ALL_ELIGIBLE, List.of()))
               .expectException(invalidFields("entries"))
               .expectNoEvents();
    }

    @Test
    void noEntryIsInARoundTwice() {
        fixture.given(aJudging().events())
               .when(open("preliminary", "Preliminary", 3, 2, EntrySource.ALL_ELIGIBLE,
                       List.of("entry-01", "entry-02", "entry-01")))
               .expectException(invalidFields("entries[2]"))
               .expectNoEvents();
    }

    @Test
    void aShortlistRoundJudgesTheShortlistOnRecordWhateverTheRequestListed() {
        fixture.given(aJudging().withRound("preliminary", ENTRIES.toArray(String[]::new)).withClosed("preliminary")
                                .withShortlist("preliminary", "entry-03", "entry-01").events())
               .when(open("final", "Final", 5, 4, SHORTLIST_OF_PRELIMINARY, List.of("entry-02")))
               .expectEvents(new RoundOpened(COMPETITION, "final", "Final", 5, AggregationMethod.MEDIAN, 4,
                       SHORTLIST_OF_PRELIMINARY, List.of("entry-03", "entry-01"), CRITERIA));
    }

    @Test
    void aShortlistRoundLeavesOutAShortlistedEntryThatHasSinceLeftTheCompetition() {
        fixture.given(aJudging().withRound("preliminary", ENTRIES.toArray(String[]::new)).withClosed("preliminary")
                                .withShortlist("preliminary", "entry-03", "entry-01")
                                .with(new EntryLeftContention(COMPETITION, "entry-03", WITHDRAWN)).events())
               .when(open("final", "Final", 5, 4, SHORTLIST_OF_PRELIMINARY, List.of()))
               .expectEvents(new RoundOpened(COMPETITION, "final", "Final", 5, AggregationMethod.MEDIAN, 4,
                       SHORTLIST_OF_PRELIMINARY, List.of("entry-01"), CRITERIA));
    }

    @Test
    void aShortlistRoundNeedsTheEarlierRoundsShortlistDrawn() {
        fixture.given(aJudging().withRound("preliminary", ENTRIES.toArray(String[]::new)).withClosed("preliminary")
                                .events())
               .when(open("final", "Final", 5, 4, SHORTLIST_OF_PRELIMINARY, List.of()))
               .expectException(NoShortlist.class)
               .expectExceptionMessage(containsString("preliminary has no shortlist yet"))
               .expectNoEvents();
    }

    @Test
    void aShortlistCannotComeFromARoundStillOpen() {
        fixture.given(aJudging().withRound("preliminary", ENTRIES.toArray(String[]::new)).events())
               .when(open("final", "Final", 5, 4, SHORTLIST_OF_PRELIMINARY, List.of("entry-02")))
               .expectException(EarlierRoundNotClosed.class)
               .expectExceptionMessage(containsString("preliminary, which is still open"))
               .expectNoEvents();
    }

    @Test
    void aShortlistCannotComeFromARoundThatDoesNotExist() {
        fixture.given(aJudging().events())
               .when(open("final", "Final", 5, 4, SHORTLIST_OF_PRELIMINARY, List.of("entry-02")))
               .expectException(EarlierRoundNotClosed.class)
               .expectExceptionMessage(containsString("preliminary, which does not exist"))
               .expectNoEvents();
    }

    @Test
    void anOpenRoundCanBeClosed() {
        fixture.given(aJudging().withRound("preliminary", "entry-01").events())
               .when(new CloseRound(COMPETITION, "preliminary"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RoundClosed(COMPETITION, "preliminary"));
    }

    @Test
    void aRoundClosesOnce() {
        fixture.given(aJudging().withRound("preliminary", "entry-01").withClosed("preliminary").events())
               .when(new CloseRound(COMPETITION, "preliminary"))
               .expectException(RoundAlreadyClosed.class)
               .expectNoEvents();
    }

    @Test
    void onlyARoundThatExistsCanBeClosed() {
        fixture.given(aJudging().events())
               .when(new CloseRound(COMPETITION, "preliminary"))
               .expectException(UnknownRound.class)
               .expectExceptionMessage(containsString("has no round preliminary"))
               .expectNoEvents();
    }

    /** Two open rounds hold the entry, a closed one too, another open one does not: only the first two change. */
    @Test
    void aDroppedEntryLeavesEveryOpenRoundItIsIn() {
        fixture.given(aJudging().withRound("preliminary", "entry-01", "entry-02").withClosed("preliminary")
                                .withRound("audience", "entry-01")
                                .withRound("students", "entry-02")
                                .withRound("critics", "entry-02", "entry-01")
                                .events())
               .when(new DropEntry(COMPETITION, "entry-01", WITHDRAWN))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new EntryLeftContention(COMPETITION, "entry-01", WITHDRAWN),
                       new EntryDropped(COMPETITION, "audience", "entry-01", WITHDRAWN),
                       new EntryDropped(COMPETITION, "critics", "entry-01", WITHDRAWN));
    }

    @Test
    void anEntryInNoOpenRoundOnlyLeavesContention() {
        fixture.given(aJudging().withRound("preliminary", "entry-01").withClosed("preliminary")
                                .withRound("final", "entry-02").events())
               .when(new DropEntry(COMPETITION, "entry-01", WITHDRAWN))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new EntryLeftContention(COMPETITION, "entry-01", WITHDRAWN));
    }

    @Test
    void anEntryIsDroppedFromARoundOnce() {
        fixture.given(aJudging().withRound("preliminary", "entry-01").withDropped("preliminary", "entry-01")
                                .with(new EntryLeftContention(COMPETITION, "entry-01", WITHDRAWN)).events())
               .when(new DropEntry(COMPETITION, "entry-01", "ruled ineligible: premiered online"))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    private static OpenRound open(String roundId, String name, int jurorsPerEntry, int minScores, EntrySource source,
                                  List<String> entries) {
        return new OpenRound(COMPETITION, roundId, name, jurorsPerEntry, AggregationMethod.MEDIAN, minScores, source,
                entries);
    }
}
