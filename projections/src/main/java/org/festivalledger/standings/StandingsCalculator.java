package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks a round's entries from its jurors' scores: a pure, deterministic function, so the live
 * standings, a rebuild and an auditor's replay to a past position agree to the last digit.
 *
 * <h2>Score</h2>
 * A juror's weighted score for an entry is Σ(weight × mark) / Σ weight over the round's criteria. An
 * entry's score aggregates its jurors' weighted scores by the round's {@link AggregationMethod}:
 * <ul>
 *   <li>{@code MEAN}: the arithmetic mean;</li>
 *   <li>{@code MEDIAN}: the middle score, or the mean of the two middle ones for an even count;</li>
 *   <li>{@code TRIMMED_MEAN}: the mean without one highest and one lowest score when at least five jurors
 *       scored the entry, otherwise the plain mean;</li>
 *   <li>{@code ZSCORE_MEAN}: each weighted score becomes z = (s − μj) / σj, where μj and σj are the mean
 *       and population standard deviation of that juror's weighted scores in the round (z = 0 when
 *       σj = 0, e.g. a juror with a single score); the entry's mean z is mapped back as z̄ × σ + μ, μ and
 *       σ being the mean and population standard deviation of all weighted scores in the round (every
 *       entry gets μ when σ = 0).</li>
 * </ul>
 * Scores for entries not in the given list (dropped entries) are ignored everywhere, including in the
 * juror and round statistics of {@code ZSCORE_MEAN}. An entry without scores has no score ({@code null})
 * and is never complete; any other entry is complete when it has at least the round's minimum of scores.
 * Each criterion's average is the plain mean of the entry's raw marks for it.
 *
 * <h2>Tie-break</h2>
 * Rows are ordered by, in turn:
 * <ol>
 *   <li>the higher score;</li>
 *   <li>more scores counted;</li>
 *   <li>the higher average mark on the highest-weighted criterion (the first such criterion in the
 *       round's order when several share the highest weight);</li>
 *   <li>the earlier {@code receivedAt};</li>
 *   <li>the submission id, lexicographically (ids are unique, so the order is total).</li>
 * </ol>
 * Entries without scores come after every scored entry, by {@code receivedAt} then submission id. Ranks
 * run 1..n with no shared ranks: the tie-break always decides.
 *
 * <h2>Precision</h2>
 * Sums and products are exact; every division and square root (and the final step of the z-score
 * mapping) is rounded to 34 significant digits, half-even ({@link #PRECISION}), and the ranking compares
 * those full-precision values. Because every sum is exact, the order of the entries and scores never
 * changes a digit. The returned {@code score} is rounded to {@value #DISPLAY_SCALE} decimal places
 * half-even, and so is each {@code perCriterion} average (from its exact value): two rows may show the
 * same score and still be ordered by it.
 */
public final class StandingsCalculator {

    /** The precision of every inexact step (division, square root). */
    public static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);
    /** Decimal places of the returned score and per-criterion averages (half-even). */
    public static final int DISPLAY_SCALE = 4;

    private StandingsCalculator() {
    }

    /**
     * The standings of a round: one row per entry, in rank order.
     *
     * @param rules   the round's criteria, aggregation method and the number of scores an entry needs
     * @param entries the entries taking part (submission ids must be unique)
     * @param scores  the scores that count, at most one per juror and entry, each with a mark for every
     *                criterion; scores for entries not in {@code entries} are ignored
     * @throws IllegalArgumentException when the rules have no criteria or no positive total weight, an
     *                                  entry is listed twice, a juror scored an entry twice, or a score lacks
     *                                  a criterion's mark
     */
    /** One juror's weighted score of one entry: Σ(weight × mark) / Σ weight, as the ranking computes it. */
    public static BigDecimal weightedScore(RoundRules rules, Map<String, BigDecimal> marks) {
        Weights weights = Weights.of(rules.criteria());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            sum = sum.add(weights.values[i].multiply(marks.getOrDefault(weights.ids[i], BigDecimal.ZERO)));
        }
        return display(sum.divide(weights.total, PRECISION));
    }

    public static List<StandingRow> rank(RoundRules rules, List<EntryInfo> entries, Collection<JurorScore> scores) {
        Weights weights = Weights.of(rules.criteria());

        Map<String, Tally> tallies = new HashMap<>(Math.max(16, entries.size() * 2));
        for (EntryInfo entry : entries) {
            if (tallies.put(entry.submissionId(), new Tally(entry, weights.size())) != null) {
                throw new IllegalArgumentException("Entry " + entry.submissionId() + " is listed twice");
            }
        }
        for (JurorScore score : scores) {
            Tally tally = tallies.get(score.submissionId());
            if (tally != null) {
                tally.add(score, weights);
            }
        }
        List<Tally> scored = new ArrayList<>(tallies.size());
        for (Tally tally : tallies.values()) {
            if (!tally.cards.isEmpty()) {
                tally.settle();
                scored.add(tally);
            }
        }

        Aggregator aggregator = switch (rules.aggregation()) {
            case MEAN -> tally -> mean(tally, weights.total);
            case MEDIAN -> tally -> median(tally, weights.total);
            case TRIMMED_MEAN -> tally -> trimmedMean(tally, weights.total);
            case ZSCORE_MEAN -> ZScores.of(scored, weights.total)::score;
        };
        for (Tally tally : scored) {
            tally.score = aggregator.score(tally);
            tally.keyAverage = tally.markSums[weights.key].divide(BigDecimal.valueOf(tally.cards.size()), PRECISION);
        }

        List<Tally> ordered = new ArrayList<>(tallies.values());
        ordered.sort(TIE_BREAK);
        List<StandingRow> rows = new ArrayList<>(ordered.size());
        int minimum = rules.minScoresPerEntry();
        for (Tally tally : ordered) {
            int count = tally.cards.size();
            rows.add(new StandingRow(rows.size() + 1, tally.entry.submissionId(), tally.entry.title(),
                    tally.score == null ? null : display(tally.score), count, count > 0 && count >= minimum,
                    perCriterion(tally, weights)));
        }
        return Collections.unmodifiableList(rows);
    }

    private static final Comparator<Instant> BY_RECEIPT = Comparator.nullsLast(Comparator.naturalOrder());

    /** Higher score, more scores, higher key-criterion average, earlier receipt, then id; unscored last. */
    private static final Comparator<Tally> TIE_BREAK = (a, b) -> {
        if ((a.score == null) != (b.score == null)) {
            return a.score == null ? 1 : -1;
        }
        if (a.score != null) {
            int byScore = b.score.compareTo(a.score);
            if (byScore != 0) {
                return byScore;
            }
            int byCount = Integer.compare(b.cards.size(), a.cards.size());
            if (byCount != 0) {
                return byCount;
            }
            int byKeyCriterion = b.keyAverage.compareTo(a.keyAverage);
            if (byKeyCriterion != 0) {
                return byKeyCriterion;
            }
        }
        int byReceipt = BY_RECEIPT.compare(a.entry.receivedAt(), b.entry.receivedAt());
        if (byReceipt != 0) {
            return byReceipt;
        }
        return a.entry.submissionId().compareTo(b.entry.submissionId());
    };

    // Aggregations work on each juror's Σ(weight × mark), kept exact, and divide by Σ weight once at the end.

    private static BigDecimal mean(Tally tally, BigDecimal totalWeight) {
        return tally.weightedSum.divide(totalWeight.multiply(BigDecimal.valueOf(tally.cards.size())), PRECISION);
    }

    private static BigDecimal median(Tally tally, BigDecimal totalWeight) {
        BigDecimal[] sorted = tally.cards.stream().map(Card::weightedSum).sorted().toArray(BigDecimal[]::new);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle].divide(totalWeight, PRECISION);
        }
        return sorted[middle - 1].add(sorted[middle]).divide(totalWeight.multiply(BigDecimal.valueOf(2)), PRECISION);
    }

    private static BigDecimal trimmedMean(Tally tally, BigDecimal totalWeight) {
        int count = tally.cards.size();
        if (count < 5) {
            return mean(tally, totalWeight);
        }
        BigDecimal highest = tally.cards.get(0).weightedSum;
        BigDecimal lowest = highest;
        for (Card card : tally.cards) {
            highest = highest.max(card.weightedSum);
            lowest = lowest.min(card.weightedSum);
        }
        return tally.weightedSum.subtract(highest).subtract(lowest)
                .divide(totalWeight.multiply(BigDecimal.valueOf(count - 2L)), PRECISION);
    }

    /**
     * Per-juror and round statistics for {@code ZSCORE_MEAN}, gathered in one pass. With N = Σ(weight × mark),
     * k a juror's number of scores, T = ΣN and Q = ΣN² over them, z = (k·N − T) / √(k·Q − T²): the same
     * value as (s − μj) / σj with s = N / Σ weight. Only each juror's 1 / √(k·Q − T²) is rounded (to 34
     * digits); an entry's z values are then multiplied and added exactly, and rounded once more when mapped
     * back.
     */
    private record ZScores(Map<String, Moments> jurors, BigDecimal roundMean, BigDecimal roundDeviation) {

        static ZScores of(List<Tally> scored, BigDecimal totalWeight) {
            Map<String, Moments> jurors = new HashMap<>();
            Moments round = new Moments();
            for (Tally tally : scored) {
                for (Card card : tally.cards) {
                    jurors.computeIfAbsent(card.jurorId, id -> new Moments()).add(card.weightedSum);
                    round.add(card.weightedSum);
                }
            }
            jurors.values().forEach(Moments::settle);
            if (round.count == 0) {
                return new ZScores(jurors, BigDecimal.ZERO, BigDecimal.ZERO);
            }
            BigDecimal scale = totalWeight.multiply(BigDecimal.valueOf(round.count));
            BigDecimal mean = round.sum.divide(scale, PRECISION);
            BigDecimal deviation = round.spread().divide(scale, PRECISION);
            return new ZScores(jurors, mean, deviation);
        }

        BigDecimal score(Tally tally) {
            if (roundDeviation.signum() == 0) {
                return roundMean;
            }
            BigDecimal zSum = BigDecimal.ZERO;
            for (Card card : tally.cards) {
                zSum = zSum.add(jurors.get(card.jurorId).z(card.weightedSum));
            }
            return zSum.multiply(roundDeviation).divide(BigDecimal.valueOf(tally.cards.size()), PRECISION)
                    .add(roundMean, PRECISION);
        }
    }

    /** Count k, T = ΣN and Q = ΣN² of a set of weighted sums N, exact. */
    private static final class Moments {
        long count;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal sumOfSquares = BigDecimal.ZERO;
        /** 1 / √(k·Q − T²), or 0 when all N are equal (then every z is 0). */
        BigDecimal inverseSpread;

        void add(BigDecimal weightedSum) {
            count++;
            sum = sum.add(weightedSum);
            sumOfSquares = sumOfSquares.add(weightedSum.multiply(weightedSum));
        }

        void remove(BigDecimal weightedSum) {
            count--;
            sum = sum.subtract(weightedSum);
            sumOfSquares = sumOfSquares.subtract(weightedSum.multiply(weightedSum));
        }

        /** √(k·Q − T²) = k · Σ weight · σ: the population standard deviation, scaled. */
        BigDecimal spread() {
            BigDecimal scaledVariance = sumOfSquares.multiply(BigDecimal.valueOf(count)).subtract(sum.multiply(sum));
            return scaledVariance.signum() <= 0 ? BigDecimal.ZERO : scaledVariance.sqrt(PRECISION);
        }

        void settle() {
            BigDecimal spread = spread();
            inverseSpread = spread.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE.divide(spread, PRECISION);
        }

        /** (k·N − T) / √(k·Q − T²), exact but for the rounding of the inverse. */
        BigDecimal z(BigDecimal weightedSum) {
            return weightedSum.multiply(BigDecimal.valueOf(count)).subtract(sum).multiply(inverseSpread);
        }
    }

    private static Map<String, BigDecimal> perCriterion(Tally tally, Weights weights) {
        if (tally.cards.isEmpty()) {
            return Map.of();
        }
        BigDecimal count = BigDecimal.valueOf(tally.cards.size());
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            // Rounded straight from the exact quotient: the same digits as via 34 places, one step less.
            averages.put(weights.ids[i], tally.markSums[i].divide(count, DISPLAY_SCALE, RoundingMode.HALF_EVEN));
        }
        return Collections.unmodifiableMap(averages);
    }

    private static BigDecimal display(BigDecimal value) {
        return value.setScale(DISPLAY_SCALE, RoundingMode.HALF_EVEN);
    }

    @FunctionalInterface
    private interface Aggregator {
        BigDecimal score(Tally tally);
    }

    /** The criteria as arrays, their total weight and the index of the tie-break's key criterion. */
    private record Weights(String[] ids, BigDecimal[] values, BigDecimal total, int key) {

        static Weights of(List<Criterion> criteria) {
            if (criteria == null || criteria.isEmpty()) {
                throw new IllegalArgumentException("A round needs at least one criterion to rank entries");
            }
            String[] ids = new String[criteria.size()];
            BigDecimal[] values = new BigDecimal[criteria.size()];
            BigDecimal total = BigDecimal.ZERO;
            int key = 0;
            for (int i = 0; i < criteria.size(); i++) {
                ids[i] = criteria.get(i).id();
                values[i] = criteria.get(i).weight();
                total = total.add(values[i]);
                if (values[i].compareTo(values[key]) > 0) {
                    key = i; // strictly greater: the first of equally heavy criteria stays the key
                }
            }
            if (total.signum() <= 0) {
                throw new IllegalArgumentException("The criteria's weights must add up to more than zero");
            }
            return new Weights(ids, values, total, key);
        }

        int size() {
            return ids.length;
        }
    }

    /** One juror's score of one entry, reduced to what ranking needs. */
    private record Card(String jurorId, BigDecimal weightedSum) {
    }

    /** What is known of one entry while ranking; all sums exact. */
    private static final class Tally {
        final EntryInfo entry;
        final List<Card> cards = new ArrayList<>(4);
        final BigDecimal[] markSums;
        BigDecimal weightedSum = BigDecimal.ZERO;
        BigDecimal score;
        BigDecimal keyAverage;
        /** For {@link Incremental} only: the entry's Σ z over its jurors ({@code ZSCORE_MEAN}), kept between changes. */
        BigDecimal zSum;
        /** For {@link Incremental} only: the entry's last row, reused while its rank and score stay. */
        StandingRow row;

        Tally(EntryInfo entry, int criteria) {
            this.entry = entry;
            this.markSums = new BigDecimal[criteria];
            Arrays.fill(markSums, BigDecimal.ZERO);
        }

        void add(JurorScore score, Weights weights) {
            Map<String, BigDecimal> marks = score.marks();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < weights.size(); i++) {
                BigDecimal mark = marks == null ? null : marks.get(weights.ids[i]);
                if (mark == null) {
                    throw new IllegalArgumentException("The score of juror " + score.jurorId() + " for entry "
                            + score.submissionId() + " has no mark for criterion " + weights.ids[i]);
                }
                sum = sum.add(weights.values[i].multiply(mark));
                markSums[i] = markSums[i].add(mark);
            }
            cards.add(new Card(score.jurorId(), sum));
            weightedSum = weightedSum.add(sum);
        }

        /** Takes back what {@link #add} added for this juror's score with these marks. */
        void remove(String jurorId, Map<String, BigDecimal> marks, Weights weights) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < weights.size(); i++) {
                BigDecimal mark = marks.get(weights.ids[i]);
                sum = sum.add(weights.values[i].multiply(mark));
                markSums[i] = markSums[i].subtract(mark);
            }
            cards.removeIf(card -> card.jurorId.equals(jurorId));
            weightedSum = weightedSum.subtract(sum);
        }

        /** Rejects a juror's second score of the entry (it would count twice). */
        void settle() {
            cards.sort(Comparator.comparing(Card::jurorId));
            for (int i = 1; i < cards.size(); i++) {
                if (cards.get(i).jurorId.equals(cards.get(i - 1).jurorId)) {
                    throw new IllegalArgumentException("Juror " + cards.get(i).jurorId + " scored entry "
                            + entry.submissionId() + " more than once");
                }
            }
        }
    }

    /**
     * The same ranking kept up to date change by change, for the live board: a score updates its entry's tally
     * (and, for {@code ZSCORE_MEAN}, the scoring juror's statistics, the z values of that juror's entries and the
     * round's statistics) instead of re-reading every score of the round. The rows are exactly those
     * {@link #rank} returns for the same rules, entries and scores (a property test compares them on random
     * score streams): the same tallies, aggregations and tie-break, only kept between calls.
     *
     * <p>Not thread-safe: one owner (the standings thread) calls {@link #rank(RoundRules, List, Collection)} with the
     * whole round, then {@link #update} with only the scorecards that changed.
     */
    public static final class Incremental {

        /** What one counting score contributed, to take it back when it is revised or voided. */
        private record Counted(String jurorId, String submissionId, Map<String, BigDecimal> marks,
                               BigDecimal weightedSum) {
        }

        private RoundRules rules;
        private List<EntryInfo> entries;
        private Weights weights;
        private final Map<String, Tally> tallies = new HashMap<>();
        private final Map<String, Counted> counted = new HashMap<>();
        private final Map<String, Moments> jurors = new HashMap<>();
        private final Map<String, List<Tally>> entriesOfJuror = new HashMap<>();
        private final Moments round = new Moments();
        /** Every entry's tally in rank order, kept sorted change by change. */
        private final List<Tally> ordered = new ArrayList<>();
        /** Each entry's last row, index for index with {@link #ordered}; a row's own rank may lag (see RankedRows). */
        private final List<StandingRow> rowsInOrder = new ArrayList<>();
        /** How many entries are complete now (enough scores), kept as they change. */
        private int complete;

        /**
         * The standings for these rules, entries and scores, as {@link #rank} gives them. Compares every score
         * with the one it holds (O(scores) lookups) and recomputes what changed since the last call (plus a
         * near-linear re-sort and the rows); new rules or a new list of entries start over.
         */
        public List<StandingRow> rank(RoundRules rules, List<EntryInfo> entries, Collection<JurorScore> scores) {
            if (!rules.equals(this.rules) || !entries.equals(this.entries)) {
                reset(rules, entries);
            }
            Map<String, JurorScore> now = new HashMap<>(Math.max(16, scores.size() * 2));
            for (JurorScore score : scores) {
                now.put(key(score.jurorId(), score.submissionId()), score);
            }
            List<ScorecardChange> changes = new ArrayList<>();
            for (Map.Entry<String, Counted> entry : counted.entrySet()) {
                if (!now.containsKey(entry.getKey())) {
                    changes.add(ScorecardChange.gone(entry.getValue().jurorId(), entry.getValue().submissionId()));
                }
            }
            now.values().forEach(score -> changes.add(ScorecardChange.counts(score)));
            return apply(changes);
        }

        /** Whether this ranking holds a round ranked by these rules, so that {@link #update} may follow it. */
        public boolean follows(RoundRules rules) {
            return this.rules != null && this.rules.equals(rules);
        }

        /**
         * The standings after these scorecards changed, and nothing else since the last call: costs the changes
         * (and, for {@code ZSCORE_MEAN}, the entries of the jurors who changed and one pass over the scored
         * entries), plus the near-linear re-sort and the rows. The entries and rules are those of the last call.
         *
         * @throws IllegalStateException if this ranking does not follow the round's rules yet: rank it whole first
         */
        public List<StandingRow> update(RoundRules rules, Collection<ScorecardChange> changes) {
            if (!follows(rules)) {
                throw new IllegalStateException("A round is ranked whole before it is followed change by change");
            }
            return apply(changes);
        }

        /** How many entries of the rows last returned are complete (enough scores), without counting the rows. */
        public int completeEntries() {
            return complete;
        }

        /**
         * Each change takes back what its scorecard counted before, if anything, and counts its new score. A changed
         * entry leaves the order before its tally changes (found by binary search while its old place is still
         * right) and enters it again at its new place, so a score costs O(log n) comparisons, not a re-sort. The
         * order is re-sorted instead under {@code ZSCORE_MEAN}, where a score moves every entry's score (the round's
         * μ and σ), and when a large share of the round changed at once (a whole round counted from scratch).
         */
        private List<StandingRow> apply(Collection<ScorecardChange> changes) {
            boolean everyScoreMoves = rules.aggregation() == AggregationMethod.ZSCORE_MEAN
                    || changes.size() > Math.max(64, tallies.size() / 16);
            Set<Tally> changed = new HashSet<>();
            Set<String> changedJurors = new HashSet<>();
            for (ScorecardChange change : changes) {
                Tally tally = tallies.get(change.submissionId());
                if (tally == null) {
                    continue; // an entry the round does not list (dropped): ignored, as rank ignores it
                }
                String key = key(change.jurorId(), change.submissionId());
                Counted previous = counted.get(key);
                JurorScore score = change.counting();
                if (previous != null && score != null && score.marks().equals(previous.marks())
                        || previous == null && score == null) {
                    continue;
                }
                if (changed.add(tally)) {
                    leave(tally, everyScoreMoves);
                }
                if (previous != null) {
                    takeBack(change.jurorId(), tally, previous);
                    counted.remove(key);
                }
                if (score != null) {
                    count(score, tally, key);
                }
                changedJurors.add(change.jurorId());
            }
            rescore(changed, changedJurors);
            if (everyScoreMoves) {
                resort();
            }
            for (Tally tally : changed) {
                complete += isComplete(tally) ? 1 : 0;
                if (!everyScoreMoves) {
                    enter(tally);
                }
            }
            return new RankedRows(rowsInOrder.toArray(new StandingRow[0]));
        }

        /** Takes a tally out of the count of complete entries and, unless the order is re-sorted, out of the order. */
        private void leave(Tally tally, boolean resorted) {
            complete -= isComplete(tally) ? 1 : 0;
            if (!resorted) {
                int at = Collections.binarySearch(ordered, tally, TIE_BREAK);
                if (at < 0) {
                    throw new IllegalStateException("Entry " + tally.entry.submissionId() + " is not where the order"
                            + " says it is");
                }
                ordered.remove(at);
                rowsInOrder.remove(at);
            }
        }

        /** Puts a changed tally back at its place in the order, with its new row. */
        private void enter(Tally tally) {
            int at = -Collections.binarySearch(ordered, tally, TIE_BREAK) - 1;
            ordered.add(at, tally);
            rowsInOrder.add(at, freshRow(tally, at + 1));
        }

        /** Re-sorts every entry (all scores moved) and lines their rows up with the new order. */
        private void resort() {
            ordered.sort(TIE_BREAK); // nearly sorted: TimSort is close to linear here
            for (int i = 0; i < ordered.size(); i++) {
                Tally tally = ordered.get(i);
                rowsInOrder.set(i, tally.row != null ? tally.row : freshRow(tally, i + 1));
            }
        }

        private StandingRow freshRow(Tally tally, int rank) {
            int count = tally.cards.size();
            tally.row = new StandingRow(rank, tally.entry.submissionId(), tally.entry.title(),
                    tally.score == null ? null : display(tally.score), count, isComplete(tally),
                    perCriterion(tally, weights));
            return tally.row;
        }

        private boolean isComplete(Tally tally) {
            int count = tally.cards.size();
            return count > 0 && count >= rules.minScoresPerEntry();
        }

        private void count(JurorScore score, Tally tally, String key) {
            tally.add(score, weights);
            BigDecimal sum = tally.cards.get(tally.cards.size() - 1).weightedSum;
            counted.put(key, new Counted(score.jurorId(), score.submissionId(), score.marks(), sum));
            if (rules.aggregation() == AggregationMethod.ZSCORE_MEAN) {
                jurors.computeIfAbsent(score.jurorId(), id -> new Moments()).add(sum);
                entriesOfJuror.computeIfAbsent(score.jurorId(), id -> new ArrayList<>()).add(tally);
                round.add(sum);
            }
        }

        private static String key(String jurorId, String submissionId) {
            return jurorId + "\u0000" + submissionId;
        }

        private void takeBack(String jurorId, Tally tally, Counted previous) {
            tally.remove(jurorId, previous.marks(), weights);
            if (rules.aggregation() == AggregationMethod.ZSCORE_MEAN) {
                Moments moments = jurors.get(jurorId);
                moments.remove(previous.weightedSum());
                if (moments.count == 0) {
                    jurors.remove(jurorId);
                }
                List<Tally> ofJuror = entriesOfJuror.get(jurorId);
                ofJuror.remove(tally);
                if (ofJuror.isEmpty()) {
                    entriesOfJuror.remove(jurorId);
                }
                round.remove(previous.weightedSum());
            }
        }

        private void reset(RoundRules rules, List<EntryInfo> entries) {
            this.rules = rules;
            this.entries = List.copyOf(entries);
            this.weights = Weights.of(rules.criteria());
            tallies.clear();
            counted.clear();
            jurors.clear();
            entriesOfJuror.clear();
            round.count = 0;
            round.sum = BigDecimal.ZERO;
            round.sumOfSquares = BigDecimal.ZERO;
            for (EntryInfo entry : entries) {
                if (tallies.put(entry.submissionId(), new Tally(entry, weights.size())) != null) {
                    throw new IllegalArgumentException("Entry " + entry.submissionId() + " is listed twice");
                }
            }
            complete = 0;
            ordered.clear();
            ordered.addAll(tallies.values());
            ordered.sort(TIE_BREAK);
            rowsInOrder.clear();
            for (int i = 0; i < ordered.size(); i++) {
                rowsInOrder.add(freshRow(ordered.get(i), i + 1));
            }
        }

        private void rescore(Set<Tally> changed, Set<String> changedJurors) {
            for (Tally tally : changed) {
                tally.row = null;
                if (tally.cards.isEmpty()) {
                    tally.score = null;
                    tally.keyAverage = null;
                    tally.zSum = null;
                } else {
                    tally.keyAverage = tally.markSums[weights.key].divide(BigDecimal.valueOf(tally.cards.size()),
                            PRECISION);
                }
            }
            switch (rules.aggregation()) {
                case MEAN -> changed.stream().filter(t -> !t.cards.isEmpty())
                        .forEach(t -> t.score = mean(t, weights.total));
                case MEDIAN -> changed.stream().filter(t -> !t.cards.isEmpty())
                        .forEach(t -> t.score = median(t, weights.total));
                case TRIMMED_MEAN -> changed.stream().filter(t -> !t.cards.isEmpty())
                        .forEach(t -> t.score = trimmedMean(t, weights.total));
                case ZSCORE_MEAN -> rescoreZ(changed, changedJurors);
            }
        }

        /** The juror statistics that changed, the z sums of their entries, then every score (the round's μ, σ). */
        private void rescoreZ(Set<Tally> changed, Set<String> changedJurors) {
            Set<Tally> affected = new HashSet<>(changed);
            for (String jurorId : changedJurors) {
                Moments moments = jurors.get(jurorId);
                if (moments != null) {
                    moments.settle();
                    affected.addAll(entriesOfJuror.getOrDefault(jurorId, List.of()));
                }
            }
            for (Tally tally : affected) {
                if (tally.cards.isEmpty()) {
                    continue;
                }
                BigDecimal zSum = BigDecimal.ZERO;
                for (Card card : tally.cards) {
                    zSum = zSum.add(jurors.get(card.jurorId).z(card.weightedSum));
                }
                tally.zSum = zSum;
            }
            BigDecimal mean = BigDecimal.ZERO;
            BigDecimal deviation = BigDecimal.ZERO;
            if (round.count > 0) {
                BigDecimal scale = weights.total.multiply(BigDecimal.valueOf(round.count));
                mean = round.sum.divide(scale, PRECISION);
                deviation = round.spread().divide(scale, PRECISION);
            }
            for (Tally tally : ordered) {
                if (tally.cards.isEmpty()) {
                    continue;
                }
                BigDecimal before = tally.score;
                tally.score = deviation.signum() == 0 ? mean : tally.zSum.multiply(deviation)
                        .divide(BigDecimal.valueOf(tally.cards.size()), PRECISION).add(mean, PRECISION);
                // equals, not compareTo: cheaper, and an equal value of another scale only costs a row copy.
                if (tally.row != null && !tally.score.equals(before)) {
                    tally.row = row(tally.row, tally.row.rank(), display(tally.score));
                }
            }
        }

        /** The same row at another rank or with another score (nothing else about the entry changed). */
        private static StandingRow row(StandingRow row, int rank, BigDecimal score) {
            return new StandingRow(rank, row.submissionId(), row.title(), score, row.scoresCount(), row.complete(),
                    row.perCriterion());
        }

        /**
         * The rows at one moment, in rank order: a copy of the references only, so returning them costs no pass
         * over the entries. An entry's row keeps the rank it had when it last changed; entries moving past it
         * shift its place, so a row is given its current rank (a new record) when read at another place.
         * Readers read the top rows of each change, and the whole table only on request.
         */
        private static final class RankedRows extends java.util.AbstractList<StandingRow>
                implements java.util.RandomAccess {

            private final StandingRow[] rows;

            RankedRows(StandingRow[] rows) {
                this.rows = rows;
            }

            @Override
            public StandingRow get(int index) {
                StandingRow row = rows[index];
                return row.rank() == index + 1 ? row : row(row, index + 1, row.score());
            }

            @Override
            public int size() {
                return rows.length;
            }
        }
    }
}
