package org.festivalledger.standings;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one way a round of a {@link JudgingRecord} becomes {@link Standings}: the live board, time travel, shortlist
 * drawing, the verifier's provenance check, calibration and sensitivity, and the benchmarks all rank through it.
 * <p>
 * It is taken in two steps so the live board holds its lock only to copy: {@link #of} copies what ranking needs
 * (the round's rules, its active entries with their facts, the scores that count), {@link #standings} ranks the
 * copy with {@link StandingsCalculator}. The entry facts are a required argument: the tie-break depends on them.
 */
public final class RoundStandings {

    private final String competitionId;
    private final String roundId;
    private final String name;
    private final boolean open;
    private final RoundRules rules;
    private final List<EntryInfo> entries;
    private final List<JurorScore> scores;
    private final long roundPosition;

    private RoundStandings(String competitionId, JudgingRecord.Round round, List<EntryInfo> entries) {
        this.competitionId = competitionId;
        this.roundId = round.roundId();
        this.name = round.name();
        this.open = round.isOpen();
        this.rules = round.rules();
        this.entries = entries;
        this.scores = round.countingScores();
        this.roundPosition = round.position();
    }

    /**
     * What ranking the round needs, copied from the record.
     *
     * @param facts the facts of every active entry of the round
     * @return empty if the record has no such round
     * @throws IllegalStateException if the facts lack an entry of the round
     */
    public static Optional<RoundStandings> of(JudgingRecord record, String roundId, EntryFacts facts) {
        return record.round(roundId).map(round -> new RoundStandings(record.competitionId(), round,
                round.activeEntries().stream().map(facts::of).toList()));
    }

    /** The standings, as of {@code ledgerPosition}. */
    public Standings standings(long ledgerPosition) {
        return Standings.of(competitionId, roundId, name, open, rules, ledgerPosition, rows(score -> true));
    }

    /**
     * The standings as of the last event that changed the round, ranked by a ranking kept from the previous call
     * (the live board's: only what changed is recomputed; the rows are the calculator's, see
     * {@link StandingsCalculator.Incremental}).
     */
    public Standings standings(StandingsCalculator.Incremental ranking) {
        return Standings.of(competitionId, roundId, name, open, rules, roundPosition, ranking,
                ranking.rank(rules, entries, scores));
    }

    /** The standings as of the last event that changed the round (the live board's position for it). */
    public Standings standings() {
        return standings(roundPosition);
    }

    /** The rows ranked from only the scores {@code counted} accepts (a sensitivity analysis leaves a juror out). */
    public List<StandingRow> rows(Predicate<JurorScore> counted) {
        return StandingsCalculator.rank(rules, entries, scores.stream().filter(counted).toList());
    }

    public RoundRules rules() {
        return rules;
    }

    /** The scores that count in the round. */
    public List<JurorScore> scores() {
        return scores;
    }
}
