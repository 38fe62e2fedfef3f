package org.festivalledger.submission;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.competition.Competition;
import org.festivalledger.submission.SubmissionsRejected.LineError;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.festivalledger.rules.Refusals.invalidFields;
import static org.festivalledger.submission.ACompetition.DEADLINE;
import static org.festivalledger.submission.ACompetition.ID;
import static org.festivalledger.submission.ACompetition.MAX_RUNTIME;
import static org.festivalledger.submission.ACompetition.announced;
import static org.festivalledger.submission.EntryBuilder.anEntry;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

/** Importing a list of films (a CSV file): all lines are received, or none is and every bad line is reported. */
class SubmissionImportTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-02-20T09:00:00Z");

    private FixtureConfiguration<Competition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Competition.class);
    }

    @Test
    void anImportReceivesEveryLineAsASubmission() {
        Entry first = anEntry().titled("Echoes of the Silk Road").build();
        Entry second = anEntry().titled("Paper Moons").from("FR").build();
        Entry third = anEntry().titled("The Last Glacier").running(MAX_RUNTIME).build();
        fixture.given(announced())
               .when(new ReceiveSubmissions(ID, List.of(
                       new NewSubmission("sub-1", first),
                       new NewSubmission("sub-2", second),
                       new NewSubmission("sub-3", third)), RECEIVED_AT))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new SubmissionReceived("sub-1", ID, first, RECEIVED_AT),
                       new SubmissionReceived("sub-2", ID, second, RECEIVED_AT),
                       new SubmissionReceived("sub-3", ID, third, RECEIVED_AT));
    }

    @Test
    void anImportWithTwoBadLinesReportsBothAndReceivesNothing() {
        fixture.given(announced())
               .when(new ReceiveSubmissions(ID, List.of(
                       new NewSubmission("sub-1", anEntry().build()),
                       new NewSubmission("sub-2", anEntry().titled("").build()),
                       new NewSubmission("sub-3", anEntry().build()),
                       new NewSubmission("sub-4", anEntry().running(MAX_RUNTIME + 5).build())), RECEIVED_AT))
               .expectException(rejectedOn(
                       new LineError(2, "title", "must not be blank"),
                       new LineError(4, "runtimeMinutes", "is 20; the competition allows at most 15")))
               .expectNoEvents();
    }

    @Test
    void aSubmissionIdUsedTwiceInOneImportIsRefused() {
        fixture.given(announced())
               .when(new ReceiveSubmissions(ID, List.of(
                       new NewSubmission("sub-1", anEntry().build()),
                       new NewSubmission("sub-2", anEntry().build()),
                       new NewSubmission("sub-1", anEntry().build())), RECEIVED_AT))
               .expectException(rejectedOn(new LineError(3, "submissionId", "'sub-1' is already used on line 1")))
               .expectNoEvents();
    }

    @Test
    void anEmptyImportIsInvalid() {
        fixture.given(announced())
               .when(new ReceiveSubmissions(ID, List.of(), RECEIVED_AT))
               .expectException(invalidFields("submissions"))
               .expectNoEvents();
    }

    @Test
    void anImportAfterTheDeadlineIsRefused() {
        fixture.given(announced())
               .when(new ReceiveSubmissions(ID, List.of(new NewSubmission("sub-1", anEntry().build())),
                       DEADLINE.plusSeconds(60)))
               .expectException(SubmissionDeadlinePassed.class)
               .expectExceptionMessage(containsString("2026-03-01T00:00:00Z"))
               .expectNoEvents();
    }

    private static Matcher<SubmissionsRejected> rejectedOn(LineError... errors) {
        return new FeatureMatcher<>(contains(errors), "an import rejected on the lines", "line errors") {
            @Override
            protected List<LineError> featureValueOf(SubmissionsRejected rejection) {
                return rejection.errors();
            }
        };
    }
}
