package org.festivalledger.standings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the live standings copy of a round under the board's lock: the whole round the first time and after any
 * change other than scores, otherwise the round's few plain fields and only the scorecards its
 * {@link ScorecardJournal} says changed since the previous copy. Ranked afterwards, off the lock, by the round's
 * kept {@link StandingsCalculator.Incremental}, so a score costs the lock what it changed.
 */
final class LiveRoundCopy {

    private final String competitionId;
    private final String roundId;
    private final String name;
    private final boolean open;
    private final RoundRules rules;
    private final long position;
    /** The whole round, or {@code null} when only {@link #changes} were copied. */
    private final RoundStandings whole;
    private final List<ScorecardChange> changes;

    private LiveRoundCopy(String competitionId, JudgingRecord.Round round, RoundStandings whole,
                          List<ScorecardChange> changes) {
        this.competitionId = competitionId;
        this.roundId = round.roundId();
        this.name = round.name();
        this.open = round.isOpen();
        this.rules = round.rules();
        this.position = round.position();
        this.whole = whole;
        this.changes = changes;
    }

    /**
     * Under the record's lock (inside {@link JudgingBoard#read}), on the one thread that owns {@code ranking}.
     *
     * @return empty if the record has no such round
     */
    static Optional<LiveRoundCopy> take(JudgingRecord record, String roundId, ScorecardJournal journal,
                                        StandingsCalculator.Incremental ranking) {
        Optional<JudgingRecord.Round> found = record.round(roundId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JudgingRecord.Round round = found.get();
        ScorecardJournal.Drained drained = journal.drain(record, roundId);
        if (drained.whole() || !ranking.follows(round.rules())) {
            return RoundStandings.of(record, roundId, record.entryFacts())
                    .map(standings -> new LiveRoundCopy(record.competitionId(), round, standings, List.of()));
        }
        List<ScorecardChange> changes = new ArrayList<>(drained.scorecards().size());
        for (ScorecardJournal.Scorecard scorecard : drained.scorecards()) {
            changes.add(round.scorecardOf(scorecard.jurorId(), scorecard.submissionId())
                    .filter(card -> !card.voided())
                    .map(card -> ScorecardChange.counts(new JurorScore(card.jurorId(), card.submissionId(),
                            card.marks())))
                    .orElseGet(() -> ScorecardChange.gone(scorecard.jurorId(), scorecard.submissionId())));
        }
        return Optional.of(new LiveRoundCopy(record.competitionId(), round, null, changes));
    }

    /** Off the lock: the standings as of the last event that changed the round. */
    Standings standings(StandingsCalculator.Incremental ranking) {
        if (whole != null) {
            return whole.standings(ranking);
        }
        return Standings.of(competitionId, roundId, name, open, rules, position, ranking,
                ranking.update(rules, changes));
    }
}
