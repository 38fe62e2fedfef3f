package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.award.AlreadyAwarded;
import org.festivalledger.award.AwardAlreadyRevoked;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardIdTaken;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.award.CategoryAlreadyAwarded;
import org.festivalledger.award.ConferAward;
import org.festivalledger.award.NotInContention;
import org.festivalledger.award.RevokeAward;
import org.festivalledger.award.UnknownAward;
import org.festivalledger.award.UnknownAwardCategory;
import org.festivalledger.publication.PublishResults;
import org.festivalledger.publication.NothingNewToPublish;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/** Awards per category, revocations with reasons, and the publications that make decisions public. */
class AwardTest {

    private static final String CITATION = "For a film that dreams in a language of its own";
    private static final Instant CEREMONY = Instant.parse("2027-04-25T12:00:00Z");

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    private JudgingHistory judged() {
        return aJudging().withRound("final", 3, JudgingHistory.entries(4)).withClosed("final");
    }

    @Test
    void anAwardIsConferredOnAJudgedEntryWithItsCitationAndPosition() {
        fixture.given(judged().events())
               .when(new ConferAward(COMPETITION, "award-1", "best-film", "entry-02", CITATION, 812))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new AwardConferred(COMPETITION, "award-1", "best-film", "entry-02", CITATION, 812));
    }

    @Test
    void aCategoryHasOneWinner() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02")).events())
               .when(new ConferAward(COMPETITION, "award-2", "best-film", "entry-03", CITATION, 813))
               .expectException(CategoryAlreadyAwarded.class)
               .expectExceptionMessage(containsString("already has a winner (entry-02)"))
               .expectNoEvents();
    }

    @Test
    void aCategoryThatAllowsJointWinnersTakesASecond() {
        fixture.given(judged().with(conferred("award-1", "jury-prize", "entry-02")).events())
               .when(new ConferAward(COMPETITION, "award-2", "jury-prize", "entry-03", CITATION, 813))
               .expectEvents(new AwardConferred(COMPETITION, "award-2", "jury-prize", "entry-03", CITATION, 813));
    }

    @Test
    void anEntryCannotWinTheSameCategoryTwice() {
        fixture.given(judged().with(conferred("award-1", "jury-prize", "entry-02")).events())
               .when(new ConferAward(COMPETITION, "award-2", "jury-prize", "entry-02", CITATION, 813))
               .expectException(AlreadyAwarded.class)
               .expectNoEvents();
    }

    @Test
    void aRevokedAwardFreesItsCategory() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02"))
                              .with(new AwardRevoked(COMPETITION, "award-1", "best-film", "entry-02", "plagiarism"))
                              .events())
               .when(new ConferAward(COMPETITION, "award-2", "best-film", "entry-03", CITATION, 900))
               .expectEvents(new AwardConferred(COMPETITION, "award-2", "best-film", "entry-03", CITATION, 900));
    }

    @Test
    void aWithdrawnEntryCannotBeAwarded() {
        fixture.given(judged().withLeftContention("entry-02", "withdrawn: premiered elsewhere").events())
               .when(new ConferAward(COMPETITION, "award-1", "best-film", "entry-02", CITATION, 812))
               .expectException(NotInContention.class)
               .expectExceptionMessage(containsString("withdrawn: premiered elsewhere"))
               .expectNoEvents();
    }

    @Test
    void anEntryNeverJudgedCannotBeAwarded() {
        fixture.given(judged().events())
               .when(new ConferAward(COMPETITION, "award-1", "best-film", "entry-77", CITATION, 812))
               .expectException(NotInContention.class)
               .expectExceptionMessage(containsString("not judged in any round"))
               .expectNoEvents();
    }

    @Test
    void onlyAnnouncedCategoriesCanBeAwarded() {
        fixture.given(judged().events())
               .when(new ConferAward(COMPETITION, "award-1", "best-soundtrack", "entry-02", CITATION, 812))
               .expectException(UnknownAwardCategory.class)
               .expectNoEvents();
    }

    @Test
    void anAwardNeedsACitation() {
        fixture.given(judged().events())
               .when(new ConferAward(COMPETITION, "award-1", "best-film", "entry-02", " ", 812))
               .expectException(invalidFields("citation"))
               .expectNoEvents();
    }

    @Test
    void anAwardIdIsUsedOnce() {
        fixture.given(judged().with(conferred("award-1", "jury-prize", "entry-02")).events())
               .when(new ConferAward(COMPETITION, "award-1", "jury-prize", "entry-03", CITATION, 812))
               .expectException(AwardIdTaken.class)
               .expectNoEvents();
    }

    @Test
    void anAwardIsRevokedWithAReasonAndTheHistoryKeepsBoth() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02")).events())
               .when(new RevokeAward(COMPETITION, "award-1", "undisclosed use of a stock film"))
               .expectEvents(new AwardRevoked(COMPETITION, "award-1", "best-film", "entry-02",
                       "undisclosed use of a stock film"));
    }

    @Test
    void aRevocationNeedsAReason() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02")).events())
               .when(new RevokeAward(COMPETITION, "award-1", "  "))
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void anAwardIsRevokedOnceAndOnlyIfItExists() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02"))
                              .with(new AwardRevoked(COMPETITION, "award-1", "best-film", "entry-02", "plagiarism"))
                              .events())
               .when(new RevokeAward(COMPETITION, "award-1", "again"))
               .expectException(AwardAlreadyRevoked.class)
               .expectNoEvents();
        fixture.given(judged().events())
               .when(new RevokeAward(COMPETITION, "award-9", "no such award"))
               .expectException(UnknownAward.class)
               .expectNoEvents();
    }

    @Test
    void theFirstPublicationLiftsTheEmbargo() {
        fixture.given(judged().events())
               .when(new PublishResults(COMPETITION, CEREMONY))
               .expectEvents(new ResultsPublished(COMPETITION, CEREMONY));
    }

    @Test
    void aPublicationWithNothingDecidedSinceTheLastOneIsRefused() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02"))
                              .with(new ResultsPublished(COMPETITION, CEREMONY)).events())
               .when(new PublishResults(COMPETITION, CEREMONY.plusSeconds(60)))
               .expectException(NothingNewToPublish.class)
               .expectNoEvents();
    }

    @Test
    void anAwardConferredAfterAPublicationAwaitsTheNextOne() {
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02"))
                              .with(new ResultsPublished(COMPETITION, CEREMONY))
                              .with(conferred("award-2", "jury-prize", "entry-03")).events())
               .when(new PublishResults(COMPETITION, CEREMONY.plusSeconds(3600)))
               .expectEvents(new ResultsPublished(COMPETITION, CEREMONY.plusSeconds(3600)));
    }

    @Test
    void aShortlistDrawnAfterAPublicationAwaitsTheNextOne() {
        fixture.given(judged().with(new ResultsPublished(COMPETITION, CEREMONY))
                              .with(new ShortlistDrawn(COMPETITION, "final", 100, 1, List.of(), null, List.of(),
                                      List.of("entry-01"), "the best")).events())
               .when(new PublishResults(COMPETITION, CEREMONY.plusSeconds(3600)))
               .expectEvents(new ResultsPublished(COMPETITION, CEREMONY.plusSeconds(3600)));
    }

    @Test
    void aRevocationAloneGivesTheNextPublicationNothingToPublish() {
        // A revoked award leaves the public results at once (taking a result down never leaks one).
        fixture.given(judged().with(conferred("award-1", "best-film", "entry-02"))
                              .with(new ResultsPublished(COMPETITION, CEREMONY))
                              .with(new AwardRevoked(COMPETITION, "award-1", "best-film", "entry-02", "plagiarism"))
                              .events())
               .when(new PublishResults(COMPETITION, CEREMONY.plusSeconds(60)))
               .expectException(NothingNewToPublish.class)
               .expectNoEvents();
    }

    private static AwardConferred conferred(String awardId, String categoryId, String submissionId) {
        return new AwardConferred(COMPETITION, awardId, categoryId, submissionId, CITATION, 800);
    }
}
