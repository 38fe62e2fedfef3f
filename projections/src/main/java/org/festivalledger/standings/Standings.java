package org.festivalledger.standings;

import org.festivalledger.round.AggregationMethod;

import org.festivalledger.shortlist.RankedEntry;

import java.util.List;

/**
 * A round's standings as computed from the ledger up to {@code ledgerPosition}: the rows in rank order
 * and what is needed to read them (how scores were combined, how many entries have enough scores).
 */
public record Standings(String competitionId, String roundId, String roundName, boolean open,
                        AggregationMethod aggregation, int minScoresPerEntry, long ledgerPosition,
                        int entries, int completeEntries, List<StandingRow> rows) {

    /** A round's standings from its ranked rows, counting the complete ones. */
    static Standings of(String competitionId, String roundId, String roundName, boolean open, RoundRules rules,
                        long ledgerPosition, List<StandingRow> rows) {
        int complete = 0;
        for (StandingRow row : rows) {
            complete += row.complete() ? 1 : 0;
        }
        return new Standings(competitionId, roundId, roundName, open, rules.aggregation(), rules.minScoresPerEntry(),
                ledgerPosition, rows.size(), complete, rows);
    }

    /** A round's standings from a kept ranking's rows, which knows how many are complete without counting them. */
    static Standings of(String competitionId, String roundId, String roundName, boolean open, RoundRules rules,
                        long ledgerPosition, StandingsCalculator.Incremental ranking, List<StandingRow> rows) {
        return new Standings(competitionId, roundId, roundName, open, rules.aggregation(), rules.minScoresPerEntry(),
                ledgerPosition, rows.size(), ranking.completeEntries(), rows);
    }

    /** The rows as a decision records them: rank, entry, score and whether it was complete. */
    public List<RankedEntry> ranking() {
        return rows.stream().map(row -> new RankedEntry(row.rank(), row.submissionId(), row.score(), row.complete()))
                .toList();
    }

    /** The same standings with only the first {@code limit} rows (for a dashboard or a push). */
    public Standings top(int limit) {
        return limit >= rows.size() ? this : new Standings(competitionId, roundId, roundName, open, aggregation,
                minScoresPerEntry, ledgerPosition, entries, completeEntries, rows.subList(0, limit));
    }
}
