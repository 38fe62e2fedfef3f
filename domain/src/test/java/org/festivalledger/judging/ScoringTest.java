package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.jury.ConflictOfInterest;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryNotInRound;
import org.festivalledger.round.UnknownRound;
import org.festivalledger.scoring.NotAssigned;
import org.festivalledger.scoring.RecordScore;
import org.festivalledger.scoring.RoundClosedForScoring;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.submission.ReasonRequired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.judging.JudgingHistory.marks;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/**
 * A juror scores an entry assigned to them, on every criterion and within range, while the round is open; a
 * later score revises the first and says why.
 */
class ScoringTest {

    private static final String ROUND = "preliminary";
    private static final String JUROR = "juror-1";
    private static final String ENTRY = "entry-01";

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    /** One juror assigned to the first of two entries of an open round. */
    private static JudgingHistory assigned() {
        return aJudging().withJurors(JUROR, "juror-2").withRound(ROUND, "entry-01", "entry-02")
                .withAssignment(ROUND, JUROR, ENTRY);
    }

    @Test
    void anAssignedJurorScoresEveryCriterion() {
        fixture.given(assigned().events())
               .when(score(marks(8, 7.5, 9), null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ScoreRecorded(COMPETITION, ROUND, JUROR, ENTRY, marks(8, 7.5, 9), "A bold debut"));
    }

    @Test
    void theMarksAreRecordedInTheOrderOfTheCriteria() {
        Map<String, BigDecimal> shuffled = new LinkedHashMap<>();
        shuffled.put("innovative-ai", BigDecimal.valueOf(9));
        shuffled.put("artistic-impact", BigDecimal.valueOf(8));
        shuffled.put("thematic-expression", BigDecimal.valueOf(7));
        fixture.given(assigned().events())
               .when(score(shuffled, null))
               .expectEventsMatching(payloadsMatching(exactSequenceOf(
                       predicate((ScoreRecorded recorded) -> List.copyOf(recorded.marks().keySet())
                               .equals(List.of("artistic-impact", "thematic-expression", "innovative-ai"))),
                       andNoMore())));
    }

    @Test
    void aMarkOnTheEdgeOfTheRangeIsAccepted() {
        fixture.given(assigned().events())
               .when(score(marks(0, 10, 10), null))
               .expectEvents(new ScoreRecorded(COMPETITION, ROUND, JUROR, ENTRY, marks(0, 10, 10), "A bold debut"));
    }

    @Test
    void aLaterScoreRevisesTheFirstWithItsReason() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).events())
               .when(score(marks(8, 8, 9), "Watched it again on the big screen"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ScoreRevised(COMPETITION, ROUND, JUROR, ENTRY, marks(8, 8, 9), "A bold debut",
                       "Watched it again on the big screen", 1));
    }

    @Test
    void revisionsAreCountedFromOne() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY)
                               .with(new ScoreRevised(COMPETITION, ROUND, JUROR, ENTRY, marks(8, 8, 9), "",
                                       "Watched it again", 1))
                               .events())
               .when(score(marks(9, 8, 9), "Discussed the AI workflow with the team"))
               .expectEvents(new ScoreRevised(COMPETITION, ROUND, JUROR, ENTRY, marks(9, 8, 9), "A bold debut",
                       "Discussed the AI workflow with the team", 2));
    }

    @Test
    void aRevisionNeedsAReason() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).events())
               .when(score(marks(8, 8, 9), "  "))
               .expectException(ReasonRequired.class)
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void aMarkHasAtMostSixDecimalPlaces() {
        fixture.given(assigned().events())
               .when(score(Map.of("artistic-impact", new BigDecimal("8.0000001"), "thematic-expression",
                       BigDecimal.valueOf(7), "innovative-ai", new BigDecimal("1e999999999")), null))
               .expectException(invalidFields("marks.artistic-impact", "marks.innovative-ai"))
               .expectNoEvents();
    }

    @Test
    void aReasonOrCommentBeyondTenThousandCharactersIsRefused() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).events())
               .when(new RecordScore(COMPETITION, ROUND, JUROR, ENTRY, marks(8, 8, 9), "c".repeat(10_001),
                       "r".repeat(10_001)))
               .expectException(invalidFields("comment", "reason"))
               .expectNoEvents();
    }

    @Test
    void aReasonThatIsNotWellFormedTextIsRefused() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).events())
               .when(score(marks(8, 8, 9), "rewatched \uD800"))
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void aScoreInAnotherRoundIsAFirstScoreThere() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).withClosed(ROUND)
                                .withRound("final", ENTRY).withAssignment("final", JUROR, ENTRY).events())
               .when(new RecordScore(COMPETITION, "final", JUROR, ENTRY, marks(9, 9, 9), "Even better", null))
               .expectEvents(new ScoreRecorded(COMPETITION, "final", JUROR, ENTRY, marks(9, 9, 9), "Even better"));
    }

    @Test
    void aMissingCriterionIsRefused() {
        Map<String, BigDecimal> marks = marks(8, 7, 9);
        marks.remove("innovative-ai");
        fixture.given(assigned().events())
               .when(score(marks, null))
               .expectException(invalidFields("marks.innovative-ai"))
               .expectExceptionMessage(containsString("marks.innovative-ai is missing"))
               .expectNoEvents();
    }

    @Test
    void aMarkForSomethingThatIsNotACriterionIsRefused() {
        Map<String, BigDecimal> marks = marks(8, 7, 9);
        marks.put("box-office-appeal", BigDecimal.TEN);
        fixture.given(assigned().events())
               .when(score(marks, null))
               .expectException(invalidFields("marks.box-office-appeal"))
               .expectExceptionMessage(containsString("is not a criterion of this competition"))
               .expectNoEvents();
    }

    @Test
    void anOutOfRangeMarkIsRefused() {
        fixture.given(assigned().events())
               .when(score(marks(10.5, 7, -1), null))
               .expectException(invalidFields("marks.artistic-impact", "marks.innovative-ai"))
               .expectExceptionMessage(containsString("marks.artistic-impact must be between 0 and 10"))
               .expectNoEvents();
    }

    @Test
    void everyBadMarkIsReportedAtOnce() {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        marks.put("tone", BigDecimal.ONE);
        marks.put("artistic-impact", BigDecimal.valueOf(11));
        marks.put("humour", BigDecimal.ONE);
        fixture.given(assigned().events())
               .when(score(marks, null))
               .expectException(invalidFields("marks.artistic-impact", "marks.thematic-expression",
                       "marks.innovative-ai", "marks.humour", "marks.tone"))
               .expectNoEvents();
    }

    @Test
    void aScoreWithoutMarksIsMissingEveryCriterion() {
        fixture.given(assigned().events())
               .when(score(null, null))
               .expectException(invalidFields("marks.artistic-impact", "marks.thematic-expression",
                       "marks.innovative-ai"))
               .expectNoEvents();
    }

    @Test
    void noScoreIsAcceptedAfterTheRoundCloses() {
        fixture.given(assigned().withClosed(ROUND).events())
               .when(score(marks(8, 7, 9), null))
               .expectException(RoundClosedForScoring.class)
               .expectExceptionMessage(containsString("preliminary is closed"))
               .expectNoEvents();
    }

    @Test
    void noRevisionIsAcceptedAfterTheRoundCloses() {
        fixture.given(assigned().withScore(ROUND, JUROR, ENTRY).withClosed(ROUND).events())
               .when(score(marks(8, 8, 9), "Second thoughts"))
               .expectException(RoundClosedForScoring.class)
               .expectNoEvents();
    }

    @Test
    void aScoreIsGivenInARoundThatExists() {
        fixture.given(assigned().events())
               .when(new RecordScore(COMPETITION, "semi-final", JUROR, ENTRY, marks(8, 7, 9), null, null))
               .expectException(UnknownRound.class)
               .expectNoEvents();
    }

    @Test
    void onlyAnAppointedJurorCanScore() {
        fixture.given(assigned().events())
               .when(new RecordScore(COMPETITION, ROUND, "juror-9", ENTRY, marks(8, 7, 9), null, null))
               .expectException(UnknownJuror.class)
               .expectNoEvents();
    }

    @Test
    void anEntryOutsideTheRoundCannotBeScored() {
        fixture.given(assigned().events())
               .when(new RecordScore(COMPETITION, ROUND, JUROR, "entry-77", marks(8, 7, 9), null, null))
               .expectException(EntryNotInRound.class)
               .expectNoEvents();
    }

    @Test
    void aScoreThatNamesNoEntryIsRefusedAsOutsideTheRound() {
        fixture.given(assigned().events())
               .when(new RecordScore(COMPETITION, ROUND, JUROR, null, marks(8, 7, 9), null, null))
               .expectException(EntryNotInRound.class)
               .expectNoEvents();
    }

    @Test
    void aDroppedEntryCannotBeScored() {
        fixture.given(assigned().withDropped(ROUND, ENTRY).events())
               .when(score(marks(8, 7, 9), null))
               .expectException(EntryNotInRound.class)
               .expectExceptionMessage(containsString("entry-01 does not take part in round preliminary"))
               .expectNoEvents();
    }

    @Test
    void aJurorCannotScoreAnEntryTheyAreConflictedOn() {
        fixture.given(assigned().withConflict(JUROR, ENTRY)
                                .with(new AssignmentRemoved(COMPETITION, ROUND, JUROR, ENTRY, "conflict of interest"))
                                .events())
               .when(score(marks(8, 7, 9), null))
               .expectException(ConflictOfInterest.class)
               .expectNoEvents();
    }

    @Test
    void anUnassignedJurorCannotScore() {
        fixture.given(assigned().events())
               .when(new RecordScore(COMPETITION, ROUND, "juror-2", ENTRY, marks(8, 7, 9), null, null))
               .expectException(NotAssigned.class)
               .expectExceptionMessage(containsString("juror-2 is not assigned to entry entry-01"))
               .expectNoEvents();
    }

    @Test
    void aJurorTakenOffAnEntryCannotScoreItAnyMore() {
        fixture.given(assigned().with(new AssignmentRemoved(COMPETITION, ROUND, JUROR, ENTRY, "Workload")).events())
               .when(score(marks(8, 7, 9), null))
               .expectException(NotAssigned.class)
               .expectNoEvents();
    }

    private static RecordScore score(Map<String, BigDecimal> marks, String reason) {
        return new RecordScore(COMPETITION, ROUND, JUROR, ENTRY, marks, "A bold debut", reason);
    }
}
