package org.festivalledger.judging;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.award.NotInContention;
import org.festivalledger.shortlist.DrawShortlist;
import org.festivalledger.shortlist.NotEnoughScoredEntries;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.OverrideNotApplicable;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.RoundStillOpen;
import org.festivalledger.shortlist.ShortlistAlreadyDrawn;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.shortlist.TieAtCutOff;
import org.festivalledger.round.UnknownRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * Drawing a shortlist from a closed round: the first N of the standings as they were at a ledger position, a tie
 * across the cut-off refused until the organiser decides it, overrides with reasons, withdrawn entries taken off.
 */
class ShortlistTest {

    private static final List<String> ENTRIES = JudgingHistory.entries(6);
    private static final String RATIONALE = "The five strongest films go to the final";
    private static final long POSITION = 4711;

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    private JudgingHistory closedPreliminary() {
        return aJudging().withRound("preliminary", 3, ENTRIES).withClosed("preliminary");
    }

    @Test
    void theShortlistIsTheFirstNOfTheStandingsAtItsPosition() {
        List<RankedEntry> standings = standings("9.1", "8.7", "8.2", "7.9", "7.0", "6.5");
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings, List.of()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ShortlistDrawn(COMPETITION, "preliminary", POSITION, 3, standings.subList(0, 3),
                       new BigDecimal("8.2"), List.of(), List.of("entry-01", "entry-02", "entry-03"), RATIONALE));
    }

    @Test
    void aRoundStillOpenHasNoShortlist() {
        fixture.given(aJudging().withRound("preliminary", 3, ENTRIES).events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"), List.of()))
               .expectException(RoundStillOpen.class)
               .expectExceptionMessage(containsString("Round preliminary is still open"))
               .expectNoEvents();
    }

    @Test
    void anUnknownRoundHasNoShortlist() {
        fixture.given(aJudging().events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"), List.of()))
               .expectException(UnknownRound.class)
               .expectNoEvents();
    }

    @Test
    void aRoundHasOneShortlist() {
        fixture.given(closedPreliminary().withShortlist("preliminary", "entry-01").events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"), List.of()))
               .expectException(ShortlistAlreadyDrawn.class)
               .expectNoEvents();
    }

    @Test
    void aTieAcrossTheCutOffIsRefusedNamingTheTiedEntries() {
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7.5", "7.5", "7.5", "6"), List.of()))
               .expectException(TieAtCutOff.class)
               .expectExceptionMessage(allOf(containsString("[entry-03] (on the list)"),
                       containsString("[entry-04, entry-05] (below it)"), containsString("7.5")))
               .expectNoEvents();
    }

    @Test
    void aTieWhollyAboveTheCutOffNeedsNoDecision() {
        List<RankedEntry> standings = standings("9", "7.5", "7.5", "7", "6", "5");
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings, List.of()))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ShortlistDrawn(COMPETITION, "preliminary", POSITION, 3, standings.subList(0, 3),
                       new BigDecimal("7.5"), List.of(), List.of("entry-01", "entry-02", "entry-03"), RATIONALE));
    }

    @Test
    void aLargerSizeThatTakesTheWholeTieResolvesIt() {
        fixture.given(closedPreliminary().events())
               .when(draw(5, standings("9", "8", "7.5", "7.5", "7.5", "6"), List.of()))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void theOrganiserResolvesATieByIncludingOrConfirmingEachTiedEntryBelowTheCutOff() {
        List<RankedEntry> standings = standings("9", "8", "7.5", "7.5", "7.5", "6");
        List<ShortlistOverride> overrides = List.of(
                new ShortlistOverride("entry-04", OverrideAction.INCLUDE, "the jury's discussion favoured it"),
                new ShortlistOverride("entry-05", OverrideAction.EXCLUDE, "weaker on the key criterion"));
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings, overrides))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ShortlistDrawn(COMPETITION, "preliminary", POSITION, 3, standings.subList(0, 3),
                       new BigDecimal("7.5"), overrides, List.of("entry-01", "entry-02", "entry-03", "entry-04"),
                       RATIONALE));
    }

    @Test
    void namingOnlySomeOfTheTiedEntriesLeavesTheTieUnresolved() {
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7.5", "7.5", "7.5", "6"),
                       List.of(new ShortlistOverride("entry-04", OverrideAction.INCLUDE, "favoured by the jury"))))
               .expectException(TieAtCutOff.class)
               .expectNoEvents();
    }

    @Test
    void excludingEveryTiedEntryAboveTheCutOffAlsoResolvesIt() {
        List<ShortlistOverride> overrides = List.of(
                new ShortlistOverride("entry-03", OverrideAction.EXCLUDE, "none of the tied films stood out"));
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7.5", "7.5", "7.5", "6"), overrides))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ShortlistDrawn(COMPETITION, "preliminary", POSITION, 3,
                       standings("9", "8", "7.5", "7.5", "7.5", "6").subList(0, 3), new BigDecimal("7.5"), overrides,
                       List.of("entry-01", "entry-02"), RATIONALE));
    }

    @Test
    void everyOverrideNeedsAReasonAndAnAction() {
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(new ShortlistOverride("entry-05", null, " "))))
               .expectException(invalidFields("overrides[0].action", "overrides[0].reason"))
               .expectNoEvents();
    }

    @Test
    void aShortlistNeedsARationaleAndAPositiveSize() {
        fixture.given(closedPreliminary().events())
               .when(new DrawShortlist(COMPETITION, "preliminary", 0, standings("9", "8", "7", "6", "5", "4"),
                       List.of(), "", POSITION, null))
               .expectException(invalidFields("size", "rationale"))
               .expectNoEvents();
    }

    @Test
    void includingAnEntryAlreadyOnTheListOrExcludingOneNotOnItChangesNothingAndIsRefused() {
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(new ShortlistOverride("entry-02", OverrideAction.INCLUDE, "loved it"))))
               .expectException(OverrideNotApplicable.class)
               .expectNoEvents();
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(new ShortlistOverride("entry-06", OverrideAction.EXCLUDE, "disliked it"))))
               .expectException(OverrideNotApplicable.class)
               .expectExceptionMessage(containsString("entry-06 is not on the shortlist"))
               .expectNoEvents();
    }

    @Test
    void anEntryNotJudgedInTheRoundCannotBeIncluded() {
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(new ShortlistOverride("entry-99", OverrideAction.INCLUDE, "a late favourite"))))
               .expectException(OverrideNotApplicable.class)
               .expectExceptionMessage(containsString("entry-99 was not judged in round preliminary"))
               .expectNoEvents();
    }

    @Test
    void aWithdrawnEntryCannotBeIncluded() {
        fixture.given(closedPreliminary().withLeftContention("entry-05", "withdrawn: sold to a streamer").events())
               .when(draw(3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(new ShortlistOverride("entry-05", OverrideAction.INCLUDE, "a favourite"))))
               .expectException(NotInContention.class)
               .expectNoEvents();
    }

    @Test
    void anEntryWithdrawnAfterTheRoundClosedIsTakenOffWithTheReasonOnRecord() {
        List<RankedEntry> standings = standings("9", "8", "7", "6", "5", "4");
        fixture.given(closedPreliminary().withLeftContention("entry-02", "withdrawn: sold to a streamer").events())
               .when(draw(3, standings, List.of()))
               .expectEvents(new ShortlistDrawn(COMPETITION, "preliminary", POSITION, 3, standings.subList(0, 3),
                       new BigDecimal("7"), List.of(new ShortlistOverride("entry-02", OverrideAction.EXCLUDE,
                       "left the competition after the round: withdrawn: sold to a streamer")),
                       List.of("entry-01", "entry-03"), RATIONALE));
    }

    @Test
    void aShortlistCannotBeLongerThanTheScoredEntries() {
        List<RankedEntry> standings = new ArrayList<>(standings("9", "8"));
        standings.add(new RankedEntry(3, "entry-03", null, false));
        fixture.given(closedPreliminary().events())
               .when(draw(3, standings, List.of()))
               .expectException(NotEnoughScoredEntries.class)
               .expectExceptionMessage(containsString("has 2 scored entries, fewer than the shortlist size 3"))
               .expectNoEvents();
    }

    /** The standings were computed when the judging had three events; a fourth (a late conflict, say) came since. */
    @Test
    void standingsComputedBeforeTheJudgingsLatestEventAreRefused() {
        fixture.given(closedPreliminary().events())
               .when(new DrawShortlist(COMPETITION, "preliminary", 3, standings("9", "8", "7", "6", "5", "4"),
                       List.of(), RATIONALE, POSITION, 1L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    private static DrawShortlist draw(int size, List<RankedEntry> standings, List<ShortlistOverride> overrides) {
        return new DrawShortlist(COMPETITION, "preliminary", size, standings, overrides, RATIONALE, POSITION, null);
    }

    /** Standings of entry-01, entry-02, … in that order with these scores. */
    private static List<RankedEntry> standings(String... scores) {
        List<RankedEntry> rows = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            rows.add(new RankedEntry(i + 1, String.format("entry-%02d", i + 1), new BigDecimal(scores[i]), true));
        }
        return rows;
    }
}
