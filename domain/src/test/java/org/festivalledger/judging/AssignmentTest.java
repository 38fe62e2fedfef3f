package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.jury.ConflictOfInterest;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.round.AssignJuror;
import org.festivalledger.round.AssignJurorsAutomatically;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryNotInRound;
import org.festivalledger.round.JurorAlreadyAssigned;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.NotEnoughJurors;
import org.festivalledger.round.PreviewAutomaticAssignment;
import org.festivalledger.round.RoundClosedForAssignments;
import org.festivalledger.round.UnassignJuror;
import org.festivalledger.round.UnknownAssignment;
import org.festivalledger.round.UnknownRound;
import org.festivalledger.submission.ReasonRequired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.judging.JudgingHistory.entries;
import static org.festivalledger.judging.JudgingHistory.jurors;
import static org.hamcrest.Matchers.containsString;

/**
 * Who judges which entry in a round: drawn automatically (each entry its jurors, balanced, never a conflicted
 * juror, the same draw every time) or changed by hand, and fixed once the round closes.
 */
class AssignmentTest {

    private static final String ROUND = "preliminary";

    /**
     * Six jurors, forty entries, three jurors each, and conflicts that rule some jurors out of some entries:
     * enough to push the first draw off balance (juror-5 would judge 21 entries, juror-4 only 19).
     */
    private static final List<Assignment> CONFLICTS = List.of(
            new Assignment("juror-5", "entry-05"), new Assignment("juror-4", "entry-12"),
            new Assignment("juror-4", "entry-19"), new Assignment("juror-2", "entry-23"),
            new Assignment("juror-1", "entry-32"), new Assignment("juror-4", "entry-40"));

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    private static JudgingHistory aFestivalSizedRound(List<Assignment> conflicts) {
        JudgingHistory history = aJudging().withJurors(jurors(6)).withRound(ROUND, 3, entries(40));
        conflicts.forEach(conflict -> history.withConflict(conflict.jurorId(), conflict.submissionId()));
        return history;
    }

    @Test
    void automaticAssignmentGivesEveryEntryItsJurorsBalancedAndNeverConflicted() {
        JurorsAssigned drawn = drawnFrom(aFestivalSizedRound(CONFLICTS));

        assertThat(drawn.automatic()).isTrue();
        assertThat(drawn.roundId()).isEqualTo(ROUND);
        Map<String, Set<String>> jurorsByEntry = drawn.assignments().stream().collect(Collectors.groupingBy(
                Assignment::submissionId, Collectors.mapping(Assignment::jurorId, Collectors.toSet())));
        assertThat(jurorsByEntry).hasSize(40).allSatisfy((entry, jurors) -> assertThat(jurors).hasSize(3));
        assertThat(drawn.assignments()).hasSize(120).doesNotContainAnyElementsOf(CONFLICTS);
        Collection<Long> loads = drawn.assignments().stream()
                .collect(Collectors.groupingBy(Assignment::jurorId, Collectors.counting())).values();
        assertThat(loads).hasSize(6);
        assertThat(loads.stream().mapToLong(Long::longValue).max().getAsLong()
                - loads.stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
    }

    @Test
    void automaticAssignmentIsDeterministic() {
        JurorsAssigned drawn = drawnFrom(aFestivalSizedRound(CONFLICTS));

        assertThat(drawnFrom(aFestivalSizedRound(CONFLICTS))).isEqualTo(drawn);
        // The same judging reached another way: what a juror is conflicted on matters, not when it was said.
        assertThat(drawnFrom(aFestivalSizedRound(inReverse(CONFLICTS)))).isEqualTo(drawn);
    }

    /** With equal loads the next juror after the one picked last gets the slot, so the work goes round the jury. */
    @Test
    void automaticAssignmentRotatesThroughTheJury() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2", "juror-3")
                                .withRound(ROUND, 2, List.of("entry-01", "entry-02", "entry-03")).events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(
                       new Assignment("juror-1", "entry-01"), new Assignment("juror-2", "entry-01"),
                       new Assignment("juror-3", "entry-02"), new Assignment("juror-1", "entry-02"),
                       new Assignment("juror-2", "entry-03"), new Assignment("juror-3", "entry-03")), true));
    }

    /**
     * The first draw gives entry-03 to juror-1, who already has entry-01, because juror-3 is conflicted on it;
     * juror-1 then hands entry-01 to juror-3, so everyone judges one entry.
     */
    @Test
    void automaticAssignmentRebalancesWhenAConflictForcesABusierJuror() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2", "juror-3")
                                .withRound(ROUND, 1, List.of("entry-01", "entry-02", "entry-03"))
                                .withConflict("juror-3", "entry-03").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(
                       new Assignment("juror-3", "entry-01"), new Assignment("juror-2", "entry-02"),
                       new Assignment("juror-1", "entry-03")), true));
    }

    @Test
    void automaticAssignmentFillsOnlyTheMissingSlotsAndCountsTheWorkAlreadyGiven() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2", "juror-3")
                                .withRound(ROUND, 2, List.of("entry-01", "entry-02"))
                                .withAssignment(ROUND, "juror-3", "entry-01").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(
                       new Assignment("juror-1", "entry-01"),
                       new Assignment("juror-2", "entry-02"), new Assignment("juror-3", "entry-02")), true));
    }

    @Test
    void automaticAssignmentRefillsTheSlotALateConflictFreed() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2", "juror-3")
                                .withRound(ROUND, 2, List.of("entry-01"))
                                .withAssignment(ROUND, "juror-1", "entry-01")
                                .withAssignment(ROUND, "juror-2", "entry-01")
                                .withConflict("juror-1", "entry-01")
                                .with(new AssignmentRemoved(COMPETITION, ROUND, "juror-1", "entry-01",
                                        "conflict of interest"))
                                .events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(new Assignment("juror-3", "entry-01")),
                       true));
    }

    @Test
    void automaticAssignmentLeavesDroppedEntriesOut() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2")
                                .withRound(ROUND, 1, List.of("entry-01", "entry-02", "entry-03"))
                                .withDropped(ROUND, "entry-02").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(
                       new Assignment("juror-1", "entry-01"), new Assignment("juror-2", "entry-03")), true));
    }

    @Test
    void automaticAssignmentRecordsNothingWhenEveryEntryHasItsJurors() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2")
                                .withRound(ROUND, 1, List.of("entry-01", "entry-02"))
                                .withAssignment(ROUND, "juror-2", "entry-01", "entry-02").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void automaticAssignmentFailsWhenAnEntryCannotGetEnoughJurors() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2", "juror-3")
                                .withRound(ROUND, 3, List.of("entry-01", "entry-02", "entry-03"))
                                .withConflict("juror-2", "entry-02").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectException(NotEnoughJurors.class)
               .expectExceptionMessage(containsString("Entry entry-02 needs 3 jurors in round preliminary, but only 2"))
               .expectNoEvents();
    }

    @Test
    void automaticAssignmentNeedsARoundThatExists() {
        fixture.given(aJudging().withJurors("juror-1").events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectException(UnknownRound.class)
               .expectNoEvents();
    }

    @Test
    void automaticAssignmentNeedsAnOpenRound() {
        fixture.given(closedRound().events())
               .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
               .expectException(RoundClosedForAssignments.class)
               .expectNoEvents();
    }

    @Test
    void noJurorIsAssignedByHandAfterTheRoundCloses() {
        fixture.given(closedRound().events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-2", "entry-01"))
               .expectException(RoundClosedForAssignments.class)
               .expectNoEvents();
    }

    @Test
    void noJurorIsTakenOffAnEntryAfterTheRoundCloses() {
        fixture.given(closedRound().events())
               .when(new UnassignJuror(COMPETITION, ROUND, "juror-1", "entry-01", "Workload"))
               .expectException(RoundClosedForAssignments.class)
               .expectExceptionMessage(containsString("its assignments can no longer change"))
               .expectNoEvents();
    }

    @Test
    void aJurorCanBeAssignedByHand() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01").events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-1", "entry-01"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new JurorsAssigned(COMPETITION, ROUND, List.of(new Assignment("juror-1", "entry-01")),
                       false));
    }

    @Test
    void aJurorCannotBeAssignedToAnEntryTheyAreConflictedOn() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01")
                                .withConflict("juror-1", "entry-01").events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-1", "entry-01"))
               .expectException(ConflictOfInterest.class)
               .expectNoEvents();
    }

    @Test
    void aJurorIsAssignedToAnEntryOnce() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01")
                                .withAssignment(ROUND, "juror-1", "entry-01").events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-1", "entry-01"))
               .expectException(JurorAlreadyAssigned.class)
               .expectNoEvents();
    }

    @Test
    void onlyAnAppointedJurorCanBeAssigned() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01").events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-9", "entry-01"))
               .expectException(UnknownJuror.class)
               .expectNoEvents();
    }

    @Test
    void onlyAnEntryTakingPartInTheRoundCanBeAssigned() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01", "entry-02")
                                .withDropped(ROUND, "entry-02").events())
               .when(new AssignJuror(COMPETITION, ROUND, "juror-1", "entry-02"))
               .expectException(EntryNotInRound.class)
               .expectNoEvents();
    }

    @Test
    void aJurorCanBeTakenOffAnEntryWithAReason() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01")
                                .withAssignment(ROUND, "juror-1", "entry-01").events())
               .when(new UnassignJuror(COMPETITION, ROUND, "juror-1", "entry-01", "Travelling during the round"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new AssignmentRemoved(COMPETITION, ROUND, "juror-1", "entry-01",
                       "Travelling during the round"));
    }

    @Test
    void takingAJurorOffAnEntryNeedsAReason() {
        fixture.given(aJudging().withJurors("juror-1").withRound(ROUND, "entry-01")
                                .withAssignment(ROUND, "juror-1", "entry-01").events())
               .when(new UnassignJuror(COMPETITION, ROUND, "juror-1", "entry-01", null))
               .expectException(ReasonRequired.class)
               .expectNoEvents();
    }

    @Test
    void onlyAnExistingAssignmentCanBeRemoved() {
        fixture.given(aJudging().withJurors("juror-1", "juror-2").withRound(ROUND, "entry-01")
                                .withAssignment(ROUND, "juror-1", "entry-01").events())
               .when(new UnassignJuror(COMPETITION, ROUND, "juror-2", "entry-01", "Travelling during the round"))
               .expectException(UnknownAssignment.class)
               .expectNoEvents();
    }

    private static <T> List<T> inReverse(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }

    private static JudgingHistory closedRound() {
        return aJudging().withJurors("juror-1", "juror-2").withRound(ROUND, 1, List.of("entry-01"))
                .withAssignment(ROUND, "juror-1", "entry-01").withClosed(ROUND);
    }

    @Test
    void aPreviewOfTheAutomaticAssignmentIsTheDrawItselfAndRecordsNothing() {
        JudgingHistory history = aFestivalSizedRound(CONFLICTS);
        List<Assignment> drawn = drawnFrom(history).assignments();

        new AggregateTestFixture<>(Judging.class)
                .given(history.events())
                .when(new PreviewAutomaticAssignment(COMPETITION, ROUND))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(drawn);
    }

    @Test
    void aClosedRoundHasNoAssignmentToPreview() {
        new AggregateTestFixture<>(Judging.class)
                .given(aJudging().withJurors(jurors(3)).withRound(ROUND, 3, entries(2)).withClosed(ROUND).events())
                .when(new PreviewAutomaticAssignment(COMPETITION, ROUND))
                .expectException(RoundClosedForAssignments.class)
                .expectNoEvents();
    }

    /** The one event an automatic assignment records from this history, as the fixture saw it published. */
    private static JurorsAssigned drawnFrom(JudgingHistory history) {
        List<JurorsAssigned> drawn = new ArrayList<>();
        new AggregateTestFixture<>(Judging.class)
                .given(history.events())
                .when(new AssignJurorsAutomatically(COMPETITION, ROUND))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((Object event) -> event instanceof JurorsAssigned assigned && drawn.add(assigned)),
                        andNoMore())));
        return drawn.get(0);
    }
}
