package org.festivalledger.competition;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.judging.JudgingEstablished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/** Announcing a competition: what an organiser must state before entries can be received. */
class CompetitionTest {

    private static final Criterion ARTISTIC_IMPACT = criterion("artistic-impact", "3");
    private static final Criterion THEMATIC_EXPRESSION = criterion("thematic-expression", "3");
    private static final Criterion INNOVATIVE_AI = criterion("innovative-ai", "4");
    private static final List<Criterion> CRITERIA = List.of(ARTISTIC_IMPACT, THEMATIC_EXPRESSION, INNOVATIVE_AI);
    private static final SubmissionRules RULES = new SubmissionRules(Instant.parse("2026-03-01T00:00:00Z"), 15);
    private static final AwardCategory BEST_FILM = new AwardCategory("best-film", "Best AIGC Short Film", false);
    private static final AwardCategory BEST_VISUALS = new AwardCategory("best-visuals", "Best Visual Effects", true);
    private static final List<AwardCategory> CATEGORIES = List.of(BEST_FILM, BEST_VISUALS);

    private FixtureConfiguration<Competition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Competition.class);
    }

    @Test
    void aCompetitionIsAnnouncedWithItsCriteriaRulesAndAwardCategoriesAndItsJudgingIsEstablished() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", CRITERIA, RULES, CATEGORIES))
               .expectSuccessfulHandlerExecution()
               .expectEvents(
                       new CompetitionAnnounced("bjiff-aigc-2026", "AIGC Short Film Unit", "2026",
                               CRITERIA, RULES, CATEGORIES),
                       new JudgingEstablished("bjiff-aigc-2026", CRITERIA, CATEGORIES));
    }

    @Test
    void aCompetitionNeedsAName() {
        fixture.givenNoPriorActivity()
               .when(announce("  ", CRITERIA, RULES, CATEGORIES))
               .expectException(invalidFields("name"))
               .expectNoEvents();
    }

    @Test
    void aCompetitionsNameMustShowSomethingOnceInvisibleCharactersAreRemoved() {
        fixture.givenNoPriorActivity()
               .when(announce("\u200B\u3000\u180E", CRITERIA, RULES, CATEGORIES))
               .expectException(invalidFields("name"))
               .expectNoEvents();
    }

    @Test
    void aCompetitionIsJudgedOnAtLeastOneCriterion() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", List.of(), RULES, CATEGORIES))
               .expectException(invalidFields("criteria"))
               .expectNoEvents();
    }

    @Test
    void weightsAndBoundsAreNumbersOfAReasonableSizeAndTheDeadlineIsOnTheCalendar() {
        // 1e999999999 is a valid JSON number; printed in full in a message it would fill the heap.
        Criterion absurd = new Criterion("scale", "Scale", new BigDecimal("0.0000001"), new BigDecimal("1e999999999"),
                new BigDecimal("-1e999999999"));
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", List.of(ARTISTIC_IMPACT, absurd),
                       new SubmissionRules(Instant.parse("+10000-01-01T00:00:00Z"), 15), CATEGORIES))
               .expectException(invalidFields("criteria[1].weight", "criteria[1].min", "criteria[1].max",
                       "rules.submissionDeadline"))
               .expectNoEvents();
    }

    @Test
    void everyCriterionHasAnId() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", List.of(ARTISTIC_IMPACT, criterion(" ", "1")), RULES, CATEGORIES))
               .expectException(invalidFields("criteria[1].id"))
               .expectNoEvents();
    }

    @Test
    void noTwoCriteriaShareAnId() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", List.of(ARTISTIC_IMPACT, criterion("artistic-impact", "1")),
                       RULES, CATEGORIES))
               .expectException(invalidFields("criteria[1].id"))
               .expectNoEvents();
    }

    @Test
    void aCriterionWeighsMoreThanZero() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit",
                       List.of(ARTISTIC_IMPACT, THEMATIC_EXPRESSION, criterion("innovative-ai", "0")), RULES, CATEGORIES))
               .expectException(invalidFields("criteria[2].weight"))
               .expectNoEvents();
    }

    @Test
    void aCriterionsLowestMarkIsBelowItsHighest() {
        Criterion noRange = new Criterion("artistic-impact", "Artistic impact", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN);
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", List.of(noRange), RULES, CATEGORIES))
               .expectException(invalidFields("criteria[0].max"))
               .expectNoEvents();
    }

    @Test
    void theMaximumRuntimeIsMoreThanZero() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", CRITERIA, new SubmissionRules(RULES.submissionDeadline(), 0), CATEGORIES))
               .expectException(invalidFields("rules.maxRuntimeMinutes"))
               .expectNoEvents();
    }

    @Test
    void aCompetitionHasASubmissionDeadline() {
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", CRITERIA, new SubmissionRules(null, 15), CATEGORIES))
               .expectException(invalidFields("rules.submissionDeadline"))
               .expectNoEvents();
    }

    @Test
    void everyAwardCategoryHasAnId() {
        AwardCategory nameless = new AwardCategory("", "Audience Award", false);
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", CRITERIA, RULES, List.of(nameless, BEST_FILM)))
               .expectException(invalidFields("awardCategories[0].id"))
               .expectNoEvents();
    }

    @Test
    void noTwoAwardCategoriesShareAnId() {
        AwardCategory sameId = new AwardCategory("best-film", "Best Film (jury)", false);
        fixture.givenNoPriorActivity()
               .when(announce("AIGC Short Film Unit", CRITERIA, RULES, List.of(BEST_FILM, sameId)))
               .expectException(invalidFields("awardCategories[1].id"))
               .expectNoEvents();
    }

    @Test
    void everyProblemWithAnAnnouncementIsReportedAtOnce() {
        fixture.givenNoPriorActivity()
               .when(announce("", List.of(criterion("artistic-impact", "-1")),
                       new SubmissionRules(RULES.submissionDeadline(), 0), CATEGORIES))
               .expectException(invalidFields("name", "criteria[0].weight", "rules.maxRuntimeMinutes"))
               .expectExceptionMessage(containsString("criteria[0].weight must be greater than zero"))
               .expectNoEvents();
    }

    private static AnnounceCompetition announce(String name, List<Criterion> criteria, SubmissionRules rules,
                                                List<AwardCategory> categories) {
        return new AnnounceCompetition("bjiff-aigc-2026", name, "2026", criteria, rules, categories);
    }

    private static Criterion criterion(String id, String weight) {
        return new Criterion(id, id.replace('-', ' '), new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }
}
