package org.festivalledger.judging;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.jury.AppointJuror;
import org.festivalledger.jury.ConflictAlreadyDeclared;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.DeclareConflict;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAlreadyAppointed;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.submission.ReasonRequired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.festivalledger.judging.JudgingHistory.COMPETITION;
import static org.festivalledger.judging.JudgingHistory.aJudging;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/** The jury: jurors are appointed once, and declare conflicts of interest that keep them away from an entry. */
class JuryTest {

    private static final String JUROR = "juror-1";
    private static final String ENTRY = "entry-01";
    private static final String REASON = "Co-wrote the script";
    private static final java.time.Instant LINK_EXPIRES = java.time.Instant.parse("2027-04-30T00:00:00Z");

    private FixtureConfiguration<Judging> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Judging.class);
    }

    @Test
    void aJurorIsAppointedWithTheHashesOfTheirTokenAndSignInLink() {
        fixture.given(aJudging().events())
               .when(new AppointJuror(COMPETITION, JUROR, "Zhang Min", "9f86d081884c7d65", "5e884898da280471",
                       LINK_EXPIRES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new JurorAppointed(COMPETITION, JUROR, "Zhang Min", "9f86d081884c7d65"),
                       new JurorAccessIssued(COMPETITION, JUROR, 1, "9f86d081884c7d65", "5e884898da280471",
                               LINK_EXPIRES));
    }

    @Test
    void aJurorNeedsAName() {
        fixture.given(aJudging().events())
               .when(new AppointJuror(COMPETITION, JUROR, " ", "9f86d081884c7d65", "5e884898da280471", LINK_EXPIRES))
               .expectException(invalidFields("name"))
               .expectNoEvents();
    }

    @Test
    void aJurorsNameMustShowSomethingOnceInvisibleCharactersAreRemoved() {
        fixture.given(aJudging().events())
               .when(new AppointJuror(COMPETITION, JUROR, "\u200B\u200B\u2060\uFEFF \u3164", "9f86d081884c7d65", "5e884898da280471",
                       LINK_EXPIRES))
               .expectException(invalidFields("name"))
               .expectNoEvents();
    }

    @Test
    void aJurorNeedsAnIdATokenHashAndALinkThatExpires() {
        fixture.given(aJudging().events())
               .when(new AppointJuror(COMPETITION, "", "Zhang Min", null, " ", null))
               .expectException(invalidFields("jurorId", "tokenHash", "linkHash", "linkExpiresAt"))
               .expectNoEvents();
    }

    @Test
    void aJurorIsAppointedOnce() {
        fixture.given(aJudging().withJurors(JUROR).events())
               .when(new AppointJuror(COMPETITION, JUROR, "Zhang Min", "2c26b46b68ffc68f", "5e884898da280471",
                       LINK_EXPIRES))
               .expectException(JurorAlreadyAppointed.class)
               .expectNoEvents();
    }

    @Test
    void aJurorDeclaresAConflictWithAnEntry() {
        fixture.given(aJudging().withJurors(JUROR).withRound("preliminary", ENTRY).events())
               .when(new DeclareConflict(COMPETITION, JUROR, ENTRY, REASON))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ConflictDeclared(COMPETITION, JUROR, ENTRY, REASON));
    }

    @Test
    void onlyAnAppointedJurorCanDeclareAConflict() {
        fixture.given(aJudging().withJurors(JUROR).events())
               .when(new DeclareConflict(COMPETITION, "juror-9", ENTRY, REASON))
               .expectException(UnknownJuror.class)
               .expectExceptionMessage(containsString("has no juror juror-9"))
               .expectNoEvents();
    }

    @Test
    void aConflictNeedsAReason() {
        fixture.given(aJudging().withJurors(JUROR).events())
               .when(new DeclareConflict(COMPETITION, JUROR, ENTRY, ""))
               .expectException(ReasonRequired.class)
               .expectNoEvents();
    }

    @Test
    void aConflictNamesTheEntry() {
        fixture.given(aJudging().withJurors(JUROR).events())
               .when(new DeclareConflict(COMPETITION, JUROR, " ", REASON))
               .expectException(invalidFields("submissionId"))
               .expectNoEvents();
    }

    @Test
    void aConflictIsDeclaredOnce() {
        fixture.given(aJudging().withJurors(JUROR).withConflict(JUROR, ENTRY).events())
               .when(new DeclareConflict(COMPETITION, JUROR, ENTRY, REASON))
               .expectException(ConflictAlreadyDeclared.class)
               .expectNoEvents();
    }

    /**
     * The juror scored the entry in the closed preliminary round and again in the open final. Both scores stop
     * counting; the juror leaves the entry in the final only, since the preliminary's assignments are history.
     * Other jurors' scores, and the juror's scores for other entries, are untouched.
     */
    @Test
    void aLateConflictVoidsTheScoreAndRemovesTheAssignment() {
        fixture.given(aJudging().withJurors(JUROR, "juror-2")
                                .withRound("preliminary", ENTRY, "entry-02")
                                .withAssignment("preliminary", JUROR, ENTRY, "entry-02")
                                .withAssignment("preliminary", "juror-2", ENTRY)
                                .withScore("preliminary", JUROR, ENTRY)
                                .withScore("preliminary", JUROR, "entry-02")
                                .withScore("preliminary", "juror-2", ENTRY)
                                .withClosed("preliminary")
                                .withRound("final", ENTRY)
                                .withAssignment("final", JUROR, ENTRY)
                                .withScore("final", JUROR, ENTRY)
                                .events())
               .when(new DeclareConflict(COMPETITION, JUROR, ENTRY, REASON))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new ConflictDeclared(COMPETITION, JUROR, ENTRY, REASON),
                       new ScoreVoided(COMPETITION, "preliminary", JUROR, ENTRY,
                               "conflict of interest declared: " + REASON),
                       new ScoreVoided(COMPETITION, "final", JUROR, ENTRY, "conflict of interest declared: " + REASON),
                       new AssignmentRemoved(COMPETITION, "final", JUROR, ENTRY, "conflict of interest"));
    }

    @Test
    void aConflictDeclaredBeforeScoringRemovesTheAssignmentOnly() {
        fixture.given(aJudging().withJurors(JUROR).withRound("preliminary", ENTRY)
                                .withAssignment("preliminary", JUROR, ENTRY).events())
               .when(new DeclareConflict(COMPETITION, JUROR, ENTRY, REASON))
               .expectEvents(
                       new ConflictDeclared(COMPETITION, JUROR, ENTRY, REASON),
                       new AssignmentRemoved(COMPETITION, "preliminary", JUROR, ENTRY, "conflict of interest"));
    }
}
