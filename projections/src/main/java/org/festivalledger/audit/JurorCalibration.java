package org.festivalledger.audit;

import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.RoundStandings;
import org.festivalledger.standings.JurorScore;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.StandingsCalculator;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.standings.StandingsTimeTravel.PastJudging;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How each juror of a round marks against the panel, for auditors: the mean and spread of their weighted scores,
 * the panel's mean on the same entries, how often they revised, and how many of those revisions came after
 * another juror had already scored the entry (a revision an auditor may want explained). And a sensitivity
 * check: would the round's shortlist have been different without that juror's scores?
 * <p>
 * Everything is computed by replaying the competition's judging to a position through the live fold and
 * calculator, so the figures are those of that moment.
 */
@Component
public class JurorCalibration {

    private static final MathContext PRECISION = StandingsCalculator.PRECISION;

    private final StandingsTimeTravel timeTravel;

    public JurorCalibration(StandingsTimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public record JurorProfile(String jurorId, String name, int scores, BigDecimal mean, BigDecimal spread,
                               BigDecimal panelMean, BigDecimal offsetFromPanel, int revisions,
                               int revisionsAfterOthersScored) {
    }

    /** Whether the top {@code size} of the standings changes when one juror's scores are left out. */
    public record Sensitivity(String jurorId, boolean shortlistChanges, List<String> wouldEnter,
                              List<String> wouldLeave) {
    }

    public record Calibration(String competitionId, String roundId, long position, List<JurorProfile> jurors,
                              int shortlistSize, long sensitivityPosition, List<Sensitivity> sensitivity) {
    }

    /** A revision of a juror's score, and where it was recorded. */
    private record Revision(String jurorId, String submissionId, long position) {
    }

    /** What a replay of the round saw on its way: first scores and revisions, and the last position folded. */
    private static final class RoundHistory {
        private final String roundId;
        private final Map<String, Map<String, Long>> firstScoredByEntry = new HashMap<>(); // entry → juror → position
        private final List<Revision> revisions = new ArrayList<>();
        private long lastPosition;

        RoundHistory(String roundId) {
            this.roundId = roundId;
        }

        void see(StandingsTimeTravel.PastEvent past) {
            lastPosition = past.position();
            if (past.payload() instanceof ScoreRecorded score && score.roundId().equals(roundId)) {
                firstScoredByEntry.computeIfAbsent(score.submissionId(), entry -> new HashMap<>())
                        .putIfAbsent(score.jurorId(), past.position());
            } else if (past.payload() instanceof ScoreRevised score && score.roundId().equals(roundId)) {
                revisions.add(new Revision(score.jurorId(), score.submissionId(), past.position()));
            }
        }

        /** Whether another juror had scored the entry before the revision. */
        boolean othersScoredBefore(Revision revision) {
            return firstScoredByEntry.getOrDefault(revision.submissionId(), Map.of()).entrySet().stream()
                    .anyMatch(first -> !first.getKey().equals(revision.jurorId())
                            && first.getValue() < revision.position());
        }
    }

    public Optional<Calibration> of(String competitionId, String roundId, long position, int defaultSize) {
        RoundHistory history = new RoundHistory(roundId);
        PastJudging judging = timeTravel.replay(competitionId, position, history::see);
        Optional<JudgingRecord.Round> round = judging.record().round(roundId);
        if (round.isEmpty()) {
            return Optional.empty();
        }
        List<JurorProfile> profiles = profiles(judging.record(), round.get(), history);
        Optional<JudgingRecord.Shortlist> shortlist = judging.record().shortlistOf(roundId);
        int size = shortlist.map(drawn -> drawn.decision().size()).orElse(defaultSize);
        // The sensitivity of a decided round is that of its decision: the standings it was based on.
        PastJudging then = shortlist.map(drawn -> timeTravel.replay(competitionId, drawn.decision().basedOnPosition()))
                .orElse(judging);
        long at = shortlist.map(drawn -> drawn.decision().basedOnPosition()).orElse(history.lastPosition);
        return Optional.of(new Calibration(competitionId, roundId, history.lastPosition, profiles, size, at,
                sensitivity(then, roundId, size)));
    }

    private static List<JurorProfile> profiles(JudgingRecord record, JudgingRecord.Round round, RoundHistory history) {
        // entry → juror → weighted score, for the scores that count
        Map<String, Map<String, BigDecimal>> byEntry = new HashMap<>();
        for (JurorScore score : round.countingScores()) {
            byEntry.computeIfAbsent(score.submissionId(), entry -> new TreeMap<>())
                    .put(score.jurorId(), StandingsCalculator.weightedScore(round.rules(), score.marks()));
        }
        List<JurorProfile> profiles = new ArrayList<>();
        for (JudgingRecord.Juror juror : record.jurors()) {
            String jurorId = juror.jurorId();
            List<BigDecimal> own = new ArrayList<>();
            List<BigDecimal> ownShared = new ArrayList<>();
            List<BigDecimal> panel = new ArrayList<>();
            byEntry.forEach((entry, scores) -> {
                BigDecimal mine = scores.get(jurorId);
                if (mine == null) {
                    return;
                }
                own.add(mine);
                List<BigDecimal> others = scores.entrySet().stream().filter(e -> !e.getKey().equals(jurorId))
                        .map(Map.Entry::getValue).toList();
                if (!others.isEmpty()) {
                    ownShared.add(mine);
                    panel.add(mean(others));
                }
            });
            List<Revision> revised = history.revisions.stream()
                    .filter(revision -> revision.jurorId().equals(jurorId)).toList();
            int late = (int) revised.stream().filter(history::othersScoredBefore).count();
            BigDecimal panelMean = panel.isEmpty() ? null : mean(panel);
            BigDecimal offset = panel.isEmpty() ? null : mean(ownShared).subtract(panelMean);
            profiles.add(new JurorProfile(jurorId, juror.name(), own.size(),
                    own.isEmpty() ? null : display(mean(own)), own.size() < 2 ? null : display(sd(own)),
                    panelMean == null ? null : display(panelMean), offset == null ? null : display(offset),
                    revised.size(), late));
        }
        return profiles;
    }

    /** For each juror, how the top {@code size} changes when the round is ranked without their scores. */
    private static List<Sensitivity> sensitivity(PastJudging judging, String roundId, int size) {
        Optional<RoundStandings> round = judging.round(roundId);
        if (round.isEmpty()) {
            return List.of();
        }
        List<String> top = top(round.get().rows(score -> true), size);
        List<Sensitivity> result = new ArrayList<>();
        for (JudgingRecord.Juror juror : judging.record().jurors()) {
            List<String> alternative = top(round.get().rows(score -> !score.jurorId().equals(juror.jurorId())), size);
            List<String> enter = alternative.stream().filter(entry -> !top.contains(entry)).toList();
            List<String> leave = top.stream().filter(entry -> !alternative.contains(entry)).toList();
            result.add(new Sensitivity(juror.jurorId(), !enter.isEmpty() || !leave.isEmpty(), enter, leave));
        }
        return result;
    }

    private static List<String> top(List<StandingRow> rows, int size) {
        return rows.stream().filter(row -> row.score() != null).limit(size).map(StandingRow::submissionId).toList();
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), PRECISION);
    }

    private static BigDecimal sd(List<BigDecimal> values) {
        BigDecimal mean = mean(values);
        BigDecimal squares = values.stream().map(v -> v.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return squares.divide(BigDecimal.valueOf(values.size()), PRECISION).sqrt(PRECISION);
    }

    private static BigDecimal display(BigDecimal value) {
        return value.setScale(StandingsCalculator.DISPLAY_SCALE, RoundingMode.HALF_EVEN);
    }
}
