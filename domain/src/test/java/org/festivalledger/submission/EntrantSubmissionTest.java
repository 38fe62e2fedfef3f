package org.festivalledger.submission;

import org.festivalledger.competition.EntryAmendments;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.rules.InvalidInput;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.festivalledger.rules.Refusals.invalidFields;
import static org.festivalledger.submission.ACompetition.DEADLINE;
import static org.festivalledger.submission.ACompetition.ID;
import static org.festivalledger.submission.ACompetition.MAX_RUNTIME;
import static org.festivalledger.submission.ACompetition.announced;
import static org.festivalledger.submission.EntryBuilder.anEntry;

/**
 * An entrant's own entry: received under their pseudonymous id, amended by them alone until the deadline (the
 * amendment records only what changed), withdrawn by them alone; another entrant's entry is as if it did not exist.
 */
class EntrantSubmissionTest {

    private static final String ENTRANT = "en_mei";
    private static final String SUBMISSION = "sub-1";
    private static final Entry ENTRY = anEntry().titled("Tidal Memory").running(12).build();
    private static final Instant RECEIVED_AT = DEADLINE.minus(Duration.ofDays(3));
    private static final Instant BEFORE_DEADLINE = DEADLINE.minus(Duration.ofDays(1));

    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
        fixture.registerAnnotatedCommandHandler(new EntryAmendments(fixture.getRepository(),
                competitionId -> new SubmissionRules(DEADLINE, MAX_RUNTIME)));
    }

    @Test
    void theCompetitionReceivesAnEntrantsFilmUnderTheirId() {
        new AggregateTestFixture<>(org.festivalledger.competition.Competition.class)
                .given(announced())
                .when(new ReceiveSubmission(ID, SUBMISSION, ENTRY, RECEIVED_AT, ENTRANT))
                .expectEvents(new SubmissionReceived(SUBMISSION, ID, ENTRY, RECEIVED_AT, ENTRANT));
    }

    @Test
    void anAmendmentRecordsOnlyWhatChanged() {
        fixture.given(received())
               .when(amend(new EntryChanges("Tidal Memory", null, null, 14, "A new synopsis.", null), BEFORE_DEADLINE))
               .expectEvents(new SubmissionAmended(SUBMISSION, ID,
                       new EntryChanges(null, null, null, 14, "A new synopsis.", null), BEFORE_DEADLINE));
    }

    @Test
    void anAmendmentAfterTheDeadlineIsRefused() {
        fixture.given(received())
               .when(amend(new EntryChanges(null, null, null, 14, null, null), DEADLINE.plusSeconds(1)))
               .expectNoEvents()
               .expectException(SubmissionDeadlinePassed.class);
    }

    @Test
    void anAmendedEntryMeetsEveryRuleANewOneDoes() {
        fixture.given(received())
               .when(amend(new EntryChanges(null, null, null, MAX_RUNTIME + 1, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(RuntimeExceedsLimit.class);
        fixture.given(received())
               .when(amend(new EntryChanges(" ", List.of(), null, null, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(InvalidInput.class)
               .expectException(invalidFields("title", "team"));
    }

    @Test
    void anAmendmentThatChangesNothingRecordsNothing() {
        fixture.given(received())
               .when(amend(new EntryChanges("Tidal Memory", null, null, 12, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(invalidFields("entry"));
    }

    @Test
    void aLaterAmendmentStartsFromTheAmendedEntry() {
        fixture.given(received(), new SubmissionAmended(SUBMISSION, ID,
                        new EntryChanges(null, null, null, 14, null, null), BEFORE_DEADLINE))
               .when(amend(new EntryChanges(null, null, null, 14, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(invalidFields("entry"));
    }

    @Test
    void anotherEntrantCannotAmendOrWithdrawItNorEvenLearnItExists() {
        fixture.given(received())
               .when(new AmendSubmission(SUBMISSION, ID, "en_someone_else",
                       new EntryChanges("Mine now", null, null, null, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(UnknownSubmission.class);
        fixture.given(received())
               .when(new WithdrawSubmission(SUBMISSION, ID, "not mine", "en_someone_else"))
               .expectNoEvents()
               .expectException(UnknownSubmission.class);
    }

    @Test
    void anOrganisersEntryHasNoEntrantToAmendIt() {
        fixture.given(new SubmissionReceived(SUBMISSION, ID, ENTRY, RECEIVED_AT))
               .when(amend(new EntryChanges("Changed", null, null, null, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(UnknownSubmission.class);
    }

    @Test
    void theEntrantWithdrawsTheirOwnEntryWithAReasonAndCanThenNoLongerAmendIt() {
        fixture.given(received())
               .when(new WithdrawSubmission(SUBMISSION, ID, "Selected elsewhere", ENTRANT))
               .expectEvents(new SubmissionWithdrawn(SUBMISSION, ID, "Selected elsewhere"));
        fixture.given(received(), new SubmissionWithdrawn(SUBMISSION, ID, "Selected elsewhere"))
               .when(amend(new EntryChanges("Back again", null, null, null, null, null), BEFORE_DEADLINE))
               .expectNoEvents()
               .expectException(SubmissionNotActive.class);
    }

    private static AmendSubmission amend(EntryChanges changes, Instant at) {
        return new AmendSubmission(SUBMISSION, ID, ENTRANT, changes, at);
    }

    private static SubmissionReceived received() {
        return new SubmissionReceived(SUBMISSION, ID, ENTRY, RECEIVED_AT, ENTRANT);
    }
}
