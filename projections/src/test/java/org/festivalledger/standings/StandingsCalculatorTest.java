package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.festivalledger.round.AggregationMethod.MEAN;
import static org.festivalledger.round.AggregationMethod.MEDIAN;
import static org.festivalledger.round.AggregationMethod.TRIMMED_MEAN;
import static org.festivalledger.round.AggregationMethod.ZSCORE_MEAN;

/**
 * The standings rules, one test each, against values computed by hand.
 *
 * <p>Unless a test says otherwise the round has two criteria, story (weight 2) and craft (weight 1), so a
 * juror's weighted score is (2 × story + craft) / 3, and entries were received in id order, a minute apart.
 */
class StandingsCalculatorTest {

    private static final Criterion STORY = criterion("story", "2");
    private static final Criterion CRAFT = criterion("craft", "1");
    private static final Instant OPENING = Instant.parse("2025-03-01T09:00:00Z");

    @Test
    void meanAveragesTheJurorsWeightedScores() {
        // A: j1 (8,6) → 22/3; j2 (7,7) → 21/3; j3 (9,4) → 22/3; mean = 65/9 = 7.2222…
        //    story (8+7+9)/3 = 8; craft (6+7+4)/3 = 17/3 = 5.6666… → 5.6667
        // B: j1 (6,9) → 21/3 = 7; j2 (8,8) → 8; mean = 7.5
        // C: j1 (5,5) → 5
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), entries("A", "B", "C"), List.of(
                score("j1", "A", "8", "6"), score("j2", "A", "7", "7"), score("j3", "A", "9", "4"),
                score("j1", "B", "6", "9"), score("j2", "B", "8", "8"),
                score("j1", "C", "5", "5")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A", "C");
        assertThat(rows).extracting(StandingRow::rank).containsExactly(1, 2, 3);
        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("7.5000"), dec("7.2222"), dec("5.0000"));
        assertThat(row(rows, "A").scoresCount()).isEqualTo(3);
        assertThat(row(rows, "A").title()).isEqualTo("Film A");
        assertThat(row(rows, "A").perCriterion())
                .containsExactly(Map.entry("story", dec("8.0000")), Map.entry("craft", dec("5.6667")));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleScores() {
        // A: (9,9) → 9; (6,3) → 15/3 = 5; (7,7) → 7; (8,6) → 22/3 = 7.3333…
        //    sorted 5, 7, 7.3333, 9 → median (7 + 22/3) / 2 = 43/6 = 7.1666… → 7.1667
        //    (the mean would be 85/12 = 7.0833)
        // B: (8,6) → 22/3; (7,8) → 22/3; (3,3) → 3: sorted 3, 7.3333, 7.3333, odd count, median
        //    22/3 = 7.3333 (the mean would be 53/9 = 5.8889, below A's)
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEDIAN), entries("A", "B"), List.of(
                score("j1", "A", "9", "9"), score("j2", "A", "6", "3"),
                score("j3", "A", "7", "7"), score("j4", "A", "8", "6"),
                score("j1", "B", "8", "6"), score("j2", "B", "7", "8"), score("j3", "B", "3", "3")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A");
        assertThat(row(rows, "A").score()).isEqualTo(dec("7.1667"));
        assertThat(row(rows, "B").score()).isEqualTo(dec("7.3333"));
    }

    @Test
    void trimmedMeanDropsOneHighestAndOneLowestScoreWhenFiveJurorsScored() {
        // A: (10,10) → 10; (2,2) → 2; (7,7) → 7; (8,8) → 8; (8,6) → 22/3
        //    drop 10 and 2: (7 + 8 + 22/3) / 3 = 67/9 = 7.4444…  (untrimmed: 103/15 = 6.8667)
        // B: (7,7) → 7, one juror, nothing trimmed
        List<StandingRow> rows = StandingsCalculator.rank(rules(TRIMMED_MEAN), entries("A", "B"), List.of(
                score("j1", "A", "10", "10"), score("j2", "A", "2", "2"), score("j3", "A", "7", "7"),
                score("j4", "A", "8", "8"), score("j5", "A", "8", "6"),
                score("j1", "B", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B");
        assertThat(row(rows, "A").score()).isEqualTo(dec("7.4444"));
        assertThat(row(rows, "A").scoresCount()).isEqualTo(5);
    }

    @Test
    void trimmedMeanIsThePlainMeanWhenFewerThanFiveJurorsScored() {
        // A: 10, 2, 7, 8 → four jurors, no trimming: 27/4 = 6.75 (trimmed it would be 7.5 and lead)
        // B: (7,7) → 7
        List<StandingRow> rows = StandingsCalculator.rank(rules(TRIMMED_MEAN), entries("A", "B"), List.of(
                score("j1", "A", "10", "10"), score("j2", "A", "2", "2"),
                score("j3", "A", "7", "7"), score("j4", "A", "8", "8"),
                score("j1", "B", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A");
        assertThat(row(rows, "A").score()).isEqualTo(dec("6.7500"));
    }

    @Test
    void zScoreMeanCancelsAHarshAndALenientJuror() {
        // Marks are equal on both criteria, so each weighted score is the mark.
        // Lenient L: X 9, P 7, S 8 → μL = 8, σL = √(2/3); z: X +√1.5, P −√1.5, S 0
        // Harsh   H: Y 7, Q 2, S 3 → μH = 4, σH = √(14/3); z: Y 3/σH, Q −2/σH, S −1/σH
        // Round: 9, 7, 8, 7, 2, 3 → μ = 36/6 = 6; σ² = 256/6 − 36 = 20/3, σ = √(20/3)
        // X: 6 + √1.5·√(20/3) = 6 + √10          = 9.16227… → 9.1623
        // P: 6 − √10                              = 2.83772… → 2.8377
        // Y: 6 + 3·√(3/14)·√(20/3) = 6 + 3·√(10/7) = 6 + 3.58568… → 9.5857
        // Q: 6 − 2·√(10/7) = 6 − 2.39045…         = 3.60954… → 3.6095
        // S: z̄ = (0 − 1/σH) / 2 → 6 − ½·√(10/7) = 6 − 0.59761… = 5.40238… → 5.4024
        // By MEAN the order is X 9, P 7, Y 7 (tied with P, received later), S 5.5, Q 2.
        List<EntryInfo> entries = entries("P", "Q", "S", "X", "Y");
        List<JurorScore> scores = List.of(
                score("L", "X", "9", "9"), score("L", "P", "7", "7"), score("L", "S", "8", "8"),
                score("H", "Y", "7", "7"), score("H", "Q", "2", "2"), score("H", "S", "3", "3"));

        List<StandingRow> normalised = StandingsCalculator.rank(rules(ZSCORE_MEAN), entries, scores);
        List<StandingRow> plain = StandingsCalculator.rank(rules(MEAN), entries, scores);

        assertThat(normalised).extracting(StandingRow::submissionId).containsExactly("Y", "X", "S", "Q", "P");
        assertThat(normalised).extracting(StandingRow::score).containsExactly(
                dec("9.5857"), dec("9.1623"), dec("5.4024"), dec("3.6095"), dec("2.8377"));
        assertThat(plain).extracting(StandingRow::submissionId).containsExactly("X", "P", "Y", "S", "Q");
    }

    @Test
    void zScoreMeanGivesEveryEntryTheRoundMeanWhenAllScoresAreEqual() {
        // Every weighted score is 6: each juror's σ is 0 (z = 0, also for j2's single score), and the
        // round's σ is 0, so every entry gets the round mean 6.
        List<StandingRow> rows = StandingsCalculator.rank(rules(ZSCORE_MEAN), entries("A", "B"), List.of(
                score("j1", "A", "6", "6"), score("j1", "B", "6", "6"), score("j2", "B", "6", "6")));

        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("6.0000"), dec("6.0000"));
        // Equal scores: B has more of them.
        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A");
    }

    @Test
    void onEqualScoresMoreScoresRankFirst() {
        // A: (7,7), (7,7) → 7 with two scores; B: (7,7) → 7 with one score. Both average 7 on story;
        // B was received first, so only the count puts A ahead.
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), entries("B", "A"), List.of(
                score("j1", "A", "7", "7"), score("j2", "A", "7", "7"),
                score("j1", "B", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B");
        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("7.0000"), dec("7.0000"));
    }

    @Test
    void onEqualScoresAndCountsTheHigherAverageOnTheHeaviestCriterionRanksFirst() {
        // A: (6,9) → 21/3 = 7; B: (7,7) → 21/3 = 7; one score each.
        // Story weighs most: B 7 > A 6, although A was received first and sorts first by id.
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), entries("A", "B"), List.of(
                score("j1", "A", "6", "9"), score("j1", "B", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A");
        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("7.0000"), dec("7.0000"));
    }

    @Test
    void whenSeveralCriteriaShareTheHighestWeightTheFirstOfThemBreaksTheTie() {
        // Criteria alpha 2, beta 2, gamma 1 (Σ 5).
        // A: alpha 8, beta 6, gamma 7 → (16 + 12 + 7) / 5 = 7
        // B: alpha 6, beta 8, gamma 7 → (12 + 16 + 7) / 5 = 7
        // alpha comes first: A 8 > B 6, although B was received first and sorts first by id
        // (beta, the other heaviest criterion, would favour B).
        RoundRules rules = new RoundRules(List.of(criterion("alpha", "2"), criterion("beta", "2"),
                criterion("gamma", "1")), MEAN, 1);
        List<StandingRow> rows = StandingsCalculator.rank(rules, List.of(entry("B", 0), entry("A", 1)), List.of(
                new JurorScore("j1", "A", marks("alpha", "8", "beta", "6", "gamma", "7")),
                new JurorScore("j1", "B", marks("alpha", "6", "beta", "8", "gamma", "7"))));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B");
        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("7.0000"), dec("7.0000"));
    }

    @Test
    void whenScoreCountAndHeaviestCriterionAreEqualTheEarlierReceivedEntryRanksFirst() {
        // A and B: (7,7) → 7, one score each, story 7; B received at 09:00, A at 09:01.
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), List.of(entry("A", 1), entry("B", 0)),
                List.of(score("j1", "A", "7", "7"), score("j1", "B", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("B", "A");
    }

    @Test
    void whenEverythingElseIsEqualTheSubmissionIdDecides() {
        // A and B: (7,7) → 7, one score each, story 7, received at the same moment: "A" < "B".
        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), List.of(entry("B", 0), entry("A", 0)),
                List.of(score("j1", "B", "7", "7"), score("j1", "A", "7", "7")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B");
        assertThat(rows).extracting(StandingRow::rank).containsExactly(1, 2);
    }

    @Test
    void anEntryIsCompleteOnlyWithTheRoundsMinimumOfScores() {
        // Minimum 2. A: 3 scores; B: 2 scores; C: 1 score; D: none.
        RoundRules rules = new RoundRules(List.of(STORY, CRAFT), MEAN, 2);
        List<StandingRow> rows = StandingsCalculator.rank(rules, entries("A", "B", "C", "D"), List.of(
                score("j1", "A", "5", "5"), score("j2", "A", "5", "5"), score("j3", "A", "5", "5"),
                score("j1", "B", "5", "5"), score("j2", "B", "5", "5"),
                score("j1", "C", "5", "5")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B", "C", "D");
        assertThat(rows).extracting(StandingRow::scoresCount).containsExactly(3, 2, 1, 0);
        assertThat(rows).extracting(StandingRow::complete).containsExactly(true, true, false, false);
    }

    @Test
    void entriesWithoutScoresComeLastWithNoScoreByReceiptThenId() {
        // A and B have no scores (A received before B) and D, received first, has none either;
        // C: (1,1) → 1, the lowest possible, still ranks first. Unscored: D (09:00), A (09:01), B (09:02).
        // With a minimum of 0, an entry without scores is still not complete.
        RoundRules rules = new RoundRules(List.of(STORY, CRAFT), MEAN, 0);
        List<StandingRow> rows = StandingsCalculator.rank(rules,
                List.of(entry("D", 0), entry("A", 1), entry("B", 2), entry("C", 3)),
                List.of(score("j1", "C", "1", "1")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("C", "D", "A", "B");
        assertThat(rows).extracting(StandingRow::rank).containsExactly(1, 2, 3, 4);
        StandingRow unscored = row(rows, "A");
        assertThat(unscored.score()).isNull();
        assertThat(unscored.scoresCount()).isZero();
        assertThat(unscored.complete()).isFalse();
        assertThat(unscored.perCriterion()).isEmpty();
        assertThat(row(rows, "C").complete()).isTrue();
    }

    @Test
    void scoresForADroppedEntryAreIgnored() {
        // Entry D was dropped (not in the list) but juror L's score of it is still passed in.
        // Without D: L scored A 8 and B 6 → μL = 7, σL = 1, z: A +1, B −1; round μ = 7, σ = 1
        //   → A 8, B 6. Had D's 2 counted, μL would be 16/3 and A would map to about 7.8.
        List<StandingRow> rows = StandingsCalculator.rank(rules(ZSCORE_MEAN), entries("A", "B"), List.of(
                score("L", "A", "8", "8"), score("L", "B", "6", "6"), score("L", "D", "2", "2")));

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("A", "B");
        assertThat(rows).extracting(StandingRow::score).containsExactly(dec("8.0000"), dec("6.0000"));
    }

    @Test
    void theOrderOfEntriesAndScoresDoesNotMatter() {
        // Three jurors with different habits over seven entries, some with equal scores, so that every
        // aggregation and the tie-break have work to do; weights that divide into repeating decimals.
        RoundRules base = new RoundRules(List.of(criterion("story", "3"), criterion("craft", "1.5"),
                criterion("ai", "0.7")), MEAN, 2);
        List<EntryInfo> entries = new ArrayList<>();
        List<JurorScore> scores = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "E" + i;
            entries.add(entry(id, i % 3));
            for (int j = 0; j < 6; j++) {
                if ((i + j) % 4 == 3) {
                    continue;
                }
                scores.add(new JurorScore("J" + j, id, marks("story", String.valueOf((i * 7 + j * 3) % 10),
                        "craft", ((i + j) % 9) + ".5", "ai", String.valueOf((i * j) % 10))));
            }
        }
        Random random = new Random(20250301);
        for (AggregationMethod method : AggregationMethod.values()) {
            RoundRules rules = new RoundRules(base.criteria(), method, base.minScoresPerEntry());
            List<StandingRow> expected = StandingsCalculator.rank(rules, entries, scores);
            for (int attempt = 0; attempt < 20; attempt++) {
                List<EntryInfo> shuffledEntries = new ArrayList<>(entries);
                List<JurorScore> shuffledScores = new ArrayList<>(scores);
                Collections.shuffle(shuffledEntries, random);
                Collections.shuffle(shuffledScores, random);
                assertThat(StandingsCalculator.rank(rules, shuffledEntries, new HashSet<>(shuffledScores)))
                        .as("%s, attempt %d", method, attempt).isEqualTo(expected);
            }
            assertThat(expected).extracting(StandingRow::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void aScoreWithoutAMarkForEveryCriterionIsRejected() {
        assertThatThrownBy(() -> StandingsCalculator.rank(rules(MEAN), entries("A"),
                List.of(new JurorScore("j1", "A", Map.of("story", BigDecimal.ONE)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("craft");
    }

    @Test
    void aJurorScoringAnEntryTwiceIsRejected() {
        assertThatThrownBy(() -> StandingsCalculator.rank(rules(MEAN), entries("A"),
                List.of(score("j1", "A", "5", "5"), score("j1", "A", "6", "6"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("j1");
    }

    @Test
    void tenThousandEntriesWithFiftyThousandScoresRankCorrectly() {
        // Entry i (0..9999) gets five scores with story s = (i mod 100) / 10 and craft c = (i div 100) / 10
        // plus an offset of −0.2, −0.1, 0, +0.1, +0.2 by juror, which averages out: its mean is (2s + c) / 3.
        // 1st: i 9999, s 9.9, c 9.9 → 29.7/3 = 9.9
        // 2nd: i 9899, s 9.9, c 9.8 → 29.6/3 = 9.8667
        // 3rd and 4th tie at 29.5/3 = 9.8333: i 9799 (s 9.9, c 9.7) and i 9998 (s 9.8, c 9.9);
        //     equal counts, so the story average decides: 9799 first.
        // last: i 0 → 0.
        int size = 10_000;
        List<EntryInfo> entries = new ArrayList<>(size);
        List<JurorScore> scores = new ArrayList<>(size * 5);
        String[] offsets = {"-0.2", "-0.1", "0", "0.1", "0.2"};
        for (int i = 0; i < size; i++) {
            String id = String.format("e%05d", i);
            entries.add(new EntryInfo(id, "Film " + i, OPENING.plusSeconds(i)));
            BigDecimal story = BigDecimal.valueOf(i % 100, 1);
            BigDecimal craft = BigDecimal.valueOf(i / 100, 1);
            for (int k = 0; k < offsets.length; k++) {
                String juror = "j" + (i * 5 + k) % 250;
                scores.add(new JurorScore(juror, id, Map.of("story", story,
                        "craft", craft.add(new BigDecimal(offsets[k])))));
            }
        }

        List<StandingRow> rows = StandingsCalculator.rank(rules(MEAN), entries, scores);

        assertThat(rows).hasSize(size);
        assertThat(rows.subList(0, 4)).extracting(StandingRow::submissionId)
                .containsExactly("e09999", "e09899", "e09799", "e09998");
        assertThat(rows.subList(0, 4)).extracting(StandingRow::score)
                .containsExactly(dec("9.9000"), dec("9.8667"), dec("9.8333"), dec("9.8333"));
        assertThat(row(rows, "e09799").perCriterion())
                .containsExactly(Map.entry("story", dec("9.9000")), Map.entry("craft", dec("9.7000")));
        assertThat(rows.get(size - 1).submissionId()).isEqualTo("e00000");
        assertThat(rows.get(size - 1).score()).isEqualTo(dec("0.0000"));
        assertThat(rows.get(size - 1).rank()).isEqualTo(size);
        assertThat(rows).allMatch(row -> row.scoresCount() == 5 && row.complete());
    }

    private static Criterion criterion(String id, String weight) {
        return new Criterion(id, id, new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }

    private static RoundRules rules(AggregationMethod aggregation) {
        return new RoundRules(List.of(STORY, CRAFT), aggregation, 1);
    }

    /** Entries received in the given order, a minute apart. */
    private static List<EntryInfo> entries(String... ids) {
        List<EntryInfo> entries = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            entries.add(entry(ids[i], i));
        }
        return entries;
    }

    private static EntryInfo entry(String id, int minutesAfterOpening) {
        return new EntryInfo(id, "Film " + id, OPENING.plusSeconds(60L * minutesAfterOpening));
    }

    private static JurorScore score(String jurorId, String submissionId, String story, String craft) {
        return new JurorScore(jurorId, submissionId, marks("story", story, "craft", craft));
    }

    private static Map<String, BigDecimal> marks(String... idsAndMarks) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        for (int i = 0; i < idsAndMarks.length; i += 2) {
            marks.put(idsAndMarks[i], new BigDecimal(idsAndMarks[i + 1]));
        }
        return marks;
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static StandingRow row(List<StandingRow> rows, String submissionId) {
        return rows.stream().filter(row -> row.submissionId().equals(submissionId)).findFirst().orElseThrow();
    }
}
