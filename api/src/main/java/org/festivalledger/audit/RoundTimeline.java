package org.festivalledger.audit;

import org.festivalledger.award.AwardConferred;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.standings.EntryFacts;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.RoundStandings;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.Standings;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.standings.StandingsTimeTravel.PastEvent;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A round's standings moved through time, for the auditor: where the judging changed before and after a position
 * (so the standings can be stepped event by event, or to the next decision), what changed between two positions
 * and which scores made it change, and how the leading entries' ranks moved as the scores came in. Every ranking is
 * made by {@link RoundStandings} over the competition's judging stream that {@link StandingsTimeTravel} keeps.
 */
@Service
class RoundTimeline {

    /** How many moments a rank picture samples at most: enough to see the shape, few enough to draw. */
    private static final int MAX_SAMPLES = 60;

    private final StandingsTimeTravel timeTravel;
    private final JudgingBoard board;

    RoundTimeline(StandingsTimeTravel timeTravel, JudgingBoard board) {
        this.timeTravel = timeTravel;
        this.board = board;
    }

    /** The positions around {@code position} where the competition's judging changed ({@code null}: none). */
    record Steps(Long previousEvent, Long nextEvent, Long previousDecision, Long nextDecision) {
    }

    Steps around(String competitionId, long position) {
        Long previous = null;
        Long next = null;
        Long previousDecision = null;
        Long nextDecision = null;
        for (PastEvent event : timeTravel.events(competitionId)) {
            boolean decision = event.payload() instanceof ShortlistDrawn || event.payload() instanceof AwardConferred;
            if (event.position() < position) {
                previous = event.position();
                previousDecision = decision ? Long.valueOf(event.position()) : previousDecision;
            } else if (event.position() > position) {
                next = next == null ? event.position() : next;
                if (decision && nextDecision == null) {
                    nextDecision = event.position();
                }
            }
        }
        return new Steps(previous, next, previousDecision, nextDecision);
    }

    /** One entry between two positions: its ranks and scores then and now, and the score events in between. */
    record Move(String submissionId, String title, Integer rankBefore, Integer rankAfter, BigDecimal scoreBefore,
                BigDecimal scoreAfter, List<Cause> causes) {

        /** Places gained (positive) or lost (negative); {@code null} if it was not ranked at one of the two. */
        public Integer placesGained() {
            return rankBefore == null || rankAfter == null ? null : rankBefore - rankAfter;
        }
    }

    /** A score recorded or revised between the two positions. */
    record Cause(long position, String type, String jurorId) {
    }

    record Difference(long from, long to, List<Move> moves) {
    }

    /** Who moved between {@code from} and {@code to} and which scores of the round caused it; only movers listed. */
    Optional<Difference> between(String competitionId, String roundId, long from, long to) {
        Optional<Standings> before = timeTravel.at(competitionId, roundId, from);
        Optional<Standings> after = timeTravel.at(competitionId, roundId, to);
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StandingRow> then = rowsOf(before);
        Map<String, StandingRow> now = rowsOf(after);
        Map<String, List<Cause>> causes = new HashMap<>();
        long low = Math.min(from, to);
        long high = Math.max(from, to);
        for (PastEvent event : timeTravel.events(competitionId)) {
            if (event.position() <= low || event.position() > high) {
                continue;
            }
            if (event.payload() instanceof ScoreRecorded score && score.roundId().equals(roundId)) {
                causes.computeIfAbsent(score.submissionId(), e -> new ArrayList<>())
                        .add(new Cause(event.position(), "ScoreRecorded", score.jurorId()));
            } else if (event.payload() instanceof ScoreRevised score && score.roundId().equals(roundId)) {
                causes.computeIfAbsent(score.submissionId(), e -> new ArrayList<>())
                        .add(new Cause(event.position(), "ScoreRevised", score.jurorId()));
            }
        }
        Map<String, StandingRow> all = new LinkedHashMap<>(now);
        then.forEach(all::putIfAbsent);
        List<Move> moves = new ArrayList<>();
        all.forEach((entry, row) -> {
            StandingRow a = then.get(entry);
            StandingRow b = now.get(entry);
            Integer rankBefore = a == null ? null : a.rank();
            Integer rankAfter = b == null ? null : b.rank();
            BigDecimal scoreBefore = a == null ? null : a.score();
            BigDecimal scoreAfter = b == null ? null : b.score();
            boolean moved = !java.util.Objects.equals(rankBefore, rankAfter)
                    || !sameScore(scoreBefore, scoreAfter) || causes.containsKey(entry);
            if (moved) {
                moves.add(new Move(entry, row.title(), rankBefore, rankAfter, scoreBefore, scoreAfter,
                        causes.getOrDefault(entry, List.of())));
            }
        });
        return Optional.of(new Difference(from, to, moves));
    }

    /** The ranks of the round's leading entries (as of the end) at the positions where the round's scores changed. */
    record RankHistory(List<Long> positions, List<EntryRanks> entries, int ranked) {
    }

    record EntryRanks(String submissionId, String title, List<Integer> ranks) {
    }

    Optional<RankHistory> ranks(String competitionId, String roundId, int top) {
        List<PastEvent> events = timeTravel.events(competitionId);
        List<Long> changes = new ArrayList<>();
        for (PastEvent event : events) {
            if ((event.payload() instanceof ScoreRecorded score && score.roundId().equals(roundId))
                    || (event.payload() instanceof ScoreRevised revised && revised.roundId().equals(roundId))) {
                changes.add(event.position());
            }
        }
        List<Long> samples = sample(changes);
        // One fold of the stream, ranking the round at each sampled position on the way.
        EntryFacts facts = board.entryFacts(competitionId);
        JudgingRecord record = new JudgingRecord(competitionId);
        List<Standings> moments = new ArrayList<>();
        int next = 0;
        for (PastEvent event : events) {
            record.apply(event.payload(), event.position());
            while (next < samples.size() && samples.get(next) == event.position()) {
                RoundStandings.of(record, roundId, facts).map(round -> round.standings(event.position()))
                        .ifPresent(moments::add);
                next++;
            }
        }
        Optional<RoundStandings> end = RoundStandings.of(record, roundId, facts);
        if (end.isEmpty()) {
            return Optional.empty();
        }
        List<StandingRow> leaders = end.get().standings().rows().stream().filter(row -> row.score() != null)
                .limit(top).toList();
        List<EntryRanks> entries = new ArrayList<>();
        for (StandingRow leader : leaders) {
            List<Integer> ranks = moments.stream().map(moment -> rankOf(moment, leader.submissionId())).toList();
            entries.add(new EntryRanks(leader.submissionId(), leader.title(), ranks));
        }
        int ranked = moments.stream().mapToInt(moment -> (int) moment.rows().stream()
                .filter(row -> row.score() != null).count()).max().orElse(0);
        return Optional.of(new RankHistory(moments.stream().map(Standings::ledgerPosition).toList(), entries, ranked));
    }

    /** The rank of an entry among those with a score ({@code null} before it had one). */
    private static Integer rankOf(Standings standings, String submissionId) {
        return standings.rows().stream().filter(row -> row.submissionId().equals(submissionId) && row.score() != null)
                .map(StandingRow::rank).findFirst().orElse(null);
    }

    private static List<Long> sample(List<Long> positions) {
        if (positions.size() <= MAX_SAMPLES) {
            return positions;
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < MAX_SAMPLES; i++) {
            samples.add(positions.get((int) ((long) i * (positions.size() - 1) / (MAX_SAMPLES - 1))));
        }
        return samples.stream().distinct().toList();
    }

    private static Map<String, StandingRow> rowsOf(Optional<Standings> standings) {
        Map<String, StandingRow> rows = new LinkedHashMap<>();
        standings.ifPresent(s -> s.rows().forEach(row -> rows.put(row.submissionId(), row)));
        return rows;
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
