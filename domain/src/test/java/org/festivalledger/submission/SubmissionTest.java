package org.festivalledger.submission;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.festivalledger.rules.Refusals.invalidFields;
import static org.festivalledger.submission.EntryBuilder.anEntry;
import static org.hamcrest.Matchers.containsString;

/** A submission's life after receipt: it leaves the competition once, for a stated reason. */
class SubmissionTest {

    private static final String COMPETITION = "bjiff-aigc-2026";
    private static final String SUBMISSION = "sub-1";
    private static final Entry ENTRY = anEntry().build();
    private static final Instant RECEIVED_AT = Instant.parse("2026-02-20T09:00:00Z");

    private FixtureConfiguration<Submission> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Submission.class);
    }

    @Test
    void aReceivedFilmStartsTheSubmissionsHistory() {
        fixture.givenNoPriorActivity()
               .whenConstructing(() -> new Submission(SUBMISSION, COMPETITION, ENTRY, RECEIVED_AT))
               .expectEvents(received());
    }

    @Test
    void aReceivedSubmissionCanBeWithdrawnWithAReason() {
        fixture.given(received())
               .when(new WithdrawSubmission(SUBMISSION, COMPETITION, "Selected for another festival's competition"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SubmissionWithdrawn(SUBMISSION, COMPETITION, "Selected for another festival's competition"));
    }

    @Test
    void aWithdrawalNeedsAReason() {
        fixture.given(received())
               .when(new WithdrawSubmission(SUBMISSION, COMPETITION, "  "))
               .expectException(ReasonRequired.class)
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void aSubmissionCannotBeWithdrawnTwice() {
        fixture.given(received(), new SubmissionWithdrawn(SUBMISSION, COMPETITION, "Entrant's request"))
               .when(new WithdrawSubmission(SUBMISSION, COMPETITION, "Entrant's request, again"))
               .expectException(SubmissionNotActive.class)
               .expectExceptionMessage(containsString("is WITHDRAWN"))
               .expectNoEvents();
    }

    @Test
    void anIneligibleSubmissionCannotBeWithdrawn() {
        fixture.given(received(), new SubmissionRuledIneligible(SUBMISSION, COMPETITION, "Premiered online in 2024"))
               .when(new WithdrawSubmission(SUBMISSION, COMPETITION, "Entrant's request"))
               .expectException(SubmissionNotActive.class)
               .expectExceptionMessage(containsString("is INELIGIBLE"))
               .expectNoEvents();
    }

    @Test
    void aReceivedSubmissionCanBeRuledIneligibleWithAReason() {
        fixture.given(received())
               .when(new RuleSubmissionIneligible(SUBMISSION, COMPETITION, "Premiered online in 2024"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SubmissionRuledIneligible(SUBMISSION, COMPETITION, "Premiered online in 2024"));
    }

    @Test
    void anIneligibilityRulingNeedsAReason() {
        fixture.given(received())
               .when(new RuleSubmissionIneligible(SUBMISSION, COMPETITION, null))
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void aWithdrawnSubmissionCannotBeRuledIneligible() {
        fixture.given(received(), new SubmissionWithdrawn(SUBMISSION, COMPETITION, "Entrant's request"))
               .when(new RuleSubmissionIneligible(SUBMISSION, COMPETITION, "Premiered online in 2024"))
               .expectException(SubmissionNotActive.class)
               .expectNoEvents();
    }

    @Test
    void aSubmissionIsUnknownToAnotherCompetition() {
        fixture.given(received())
               .when(new WithdrawSubmission(SUBMISSION, "another-festival-2026", "Entrant's request"))
               .expectException(UnknownSubmission.class)
               .expectExceptionMessage(containsString("another-festival-2026"))
               .expectNoEvents();
    }

    @Test
    void anotherCompetitionCannotRuleASubmissionIneligible() {
        fixture.given(received())
               .when(new RuleSubmissionIneligible(SUBMISSION, "another-festival-2026", "Premiered online in 2024"))
               .expectException(UnknownSubmission.class)
               .expectNoEvents();
    }

    @Test
    void anotherCompetitionLearnsNothingAboutTheSubmissionsState() {
        fixture.given(received(), new SubmissionWithdrawn(SUBMISSION, COMPETITION, "Entrant's request"))
               .when(new WithdrawSubmission(SUBMISSION, "another-festival-2026", ""))
               .expectException(UnknownSubmission.class)
               .expectNoEvents();
    }

    private static SubmissionReceived received() {
        return new SubmissionReceived(SUBMISSION, COMPETITION, ENTRY, RECEIVED_AT);
    }
}
