package org.festivalledger.submission;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.competition.Competition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.festivalledger.rules.Refusals.invalidFields;
import static org.festivalledger.submission.ACompetition.DEADLINE;
import static org.festivalledger.submission.ACompetition.ID;
import static org.festivalledger.submission.ACompetition.MAX_RUNTIME;
import static org.festivalledger.submission.ACompetition.announced;
import static org.festivalledger.submission.EntryBuilder.anEntry;
import static org.hamcrest.Matchers.containsString;

/**
 * Receiving one film: the competition applies its deadline and runtime rules, then the film becomes a
 * submission of its own. The competition itself records nothing, which every happy path checks too.
 */
class SubmissionReceiptTest {

    private static final Instant A_DAY_EARLY = DEADLINE.minus(Duration.ofDays(1));

    private FixtureConfiguration<Competition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Competition.class);
    }

    @Test
    void aFilmReceivedBeforeTheDeadlineBecomesASubmission() {
        Entry entry = anEntry().build();
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", entry, A_DAY_EARLY))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SubmissionReceived("sub-1", ID, entry, A_DAY_EARLY));
    }

    @Test
    void aFilmReceivedAtTheDeadlineItselfIsOnTime() {
        Entry entry = anEntry().build();
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", entry, DEADLINE))
               .expectEvents(new SubmissionReceived("sub-1", ID, entry, DEADLINE));
    }

    @Test
    void aSubmissionAfterTheDeadlineIsRefused() {
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", anEntry().build(), DEADLINE.plusSeconds(1)))
               .expectException(SubmissionDeadlinePassed.class)
               .expectExceptionMessage(containsString("2026-03-01T00:00:00Z"))
               .expectNoEvents();
    }

    @Test
    void aFilmRunningExactlyTheMaximumRuntimeIsAccepted() {
        Entry entry = anEntry().running(MAX_RUNTIME).build();
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", entry, A_DAY_EARLY))
               .expectEvents(new SubmissionReceived("sub-1", ID, entry, A_DAY_EARLY));
    }

    @Test
    void aFilmLongerThanTheMaximumRuntimeIsRefused() {
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", anEntry().running(MAX_RUNTIME + 1).build(), A_DAY_EARLY))
               .expectException(RuntimeExceedsLimit.class)
               .expectExceptionMessage(containsString("at most 15"))
               .expectNoEvents();
    }

    @Test
    void aSubmissionHasAnId() {
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, " ", anEntry().build(), A_DAY_EARLY))
               .expectException(invalidFields("submissionId"))
               .expectNoEvents();
    }

    @Test
    void anEntryHasATitle() {
        refuses(anEntry().titled(" ").build(), "title");
    }

    @Test
    void anEntrysTitleMustShowSomethingOnceInvisibleCharactersAreRemoved() {
        refuses(anEntry().titled("\u200B\u00A0\u2800\uFE0F").build(), "title");
    }

    @Test
    void anEntryNamesItsTeam() {
        refuses(anEntry().byTeam(List.of()).build(), "team");
    }

    @Test
    void everyTeamMemberHasAName() {
        refuses(anEntry().byTeam(List.of("Lin Wei", "")).build(), "team[1]");
    }

    @Test
    void anEntryNamesItsCountry() {
        refuses(anEntry().from("").build(), "country");
    }

    @Test
    void aFilmRunsForMoreThanZeroMinutes() {
        refuses(anEntry().running(0).build(), "runtimeMinutes");
    }

    @Test
    void anEntryDisclosesItsUseOfAi() {
        refuses(anEntry().disclosing(null).build(), "aiDisclosure");
    }

    @Test
    void theAiDisclosureNamesTheWorkflow() {
        refuses(anEntry().disclosing(new AiDisclosure(List.of("Runway"), null)).build(), "aiDisclosure.workflow");
    }

    @Test
    void aMalformedEntryIsReportedAsBadInputEvenAfterTheDeadline() {
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", anEntry().titled("").build(), DEADLINE.plusSeconds(1)))
               .expectException(invalidFields("title"))
               .expectNoEvents();
    }

    private void refuses(Entry entry, String field) {
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", entry, A_DAY_EARLY))
               .expectException(invalidFields(field))
               .expectNoEvents();
    }

    @Test
    void aTitleTooLongOrDisguisedIsRefusedWithTheFieldsNamed() {
        Entry entry = new Entry("T".repeat(501), List.of("Lin Wei", "Ana\u202Egnos"), "CN", 12,
                "x".repeat(10_001), new AiDisclosure(List.of("Sora\u0000"), AiWorkflow.HYBRID));
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", entry, A_DAY_EARLY))
               .expectException(invalidFields("title", "team[1]", "synopsis", "aiDisclosure.tools[0]"))
               .expectNoEvents();
    }

    @Test
    void aTeamAndItsToolsNameAtMostAHundredEach() {
        List<String> crowd = IntStream.rangeClosed(1, 101).mapToObj(i -> "Member " + i).toList();
        fixture.given(announced())
               .when(new ReceiveSubmission(ID, "sub-1", anEntry().byTeam(crowd)
                       .disclosing(new AiDisclosure(crowd, AiWorkflow.HYBRID)).build(), A_DAY_EARLY))
               .expectException(invalidFields("team", "aiDisclosure.tools"))
               .expectNoEvents();
    }
}
