package org.festivalledger.audit;

import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.standings.EntryInfo;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.JurorScore;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.StandingsCalculator;
import org.festivalledger.standings.StandingsTimeTravel;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
class JurorCalibration {

    private static final MathContext PRECISION = StandingsCalculator.PRECISION;

    private final StandingsTimeTravel timeTravel;

    JurorCalibration(StandingsTimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    record JurorProfile(String jurorId, String name, int scores, BigDecimal mean, BigDecimal spread,
                        BigDecimal panelMean, BigDecimal offsetFromPanel, int revisions,
                        int revisionsAfterOthersScored) {
    }

    /** Whether the top {@code size} of the standings changes when one juror's scores are left out. */
    record Sensitivity(String jurorId, boolean shortlistChanges, List<String> wouldEnter, List<String> wouldLeave) {
    }

    record Calibration(String competitionId, String roundId, long position, List<JurorProfile> jurors,
                       int shortlistSize, long sensitivityPosition, List<Sensitivity> sensitivity) {
    }

    Optional<Calibration> of(String competitionId, String roundId, long position, int defaultSize) {
        JudgingRecord record = new JudgingRecord(competitionId);
        Map<String, Long> firstScored = new HashMap<>(); // juror|entry → position of the first score
        List<Object[]> revisions = new ArrayList<>();    // {juror, entry, position}
        long[] last = {0};
        timeTravel.forEachEvent(competitionId, position, past -> {
            Object event = past.payload();
            record.apply(event, past.position());
            last[0] = past.position();
            if (event instanceof ScoreRecorded score && score.roundId().equals(roundId)) {
                firstScored.putIfAbsent(score.jurorId() + "|" + score.submissionId(), past.position());
            } else if (event instanceof ScoreRevised score && score.roundId().equals(roundId)) {
                revisions.add(new Object[]{score.jurorId(), score.submissionId(), past.position()});
            }
        });
        JudgingRecord.Round round = record.rounds.get(roundId);
        if (round == null) {
            return Optional.empty();
        }
        List<JurorProfile> profiles = profiles(record, round, firstScored, revisions);
        JudgingRecord.Shortlist shortlist = record.shortlists.get(roundId);
        int size = shortlist != null ? shortlist.decision().size() : defaultSize;
        long at = shortlist != null ? shortlist.decision().basedOnPosition() : last[0];
        JudgingRecord then = shortlist != null ? timeTravel.replay(competitionId, at).record() : record;
        return Optional.of(new Calibration(competitionId, roundId, last[0], profiles, size, at,
                sensitivity(then, roundId, size)));
    }

    private static List<JurorProfile> profiles(JudgingRecord record, JudgingRecord.Round round,
                                               Map<String, Long> firstScored, List<Object[]> revisions) {
        // entry → juror → weighted score, for the scores that count
        Map<String, Map<String, BigDecimal>> byEntry = new HashMap<>();
        for (JurorScore score : round.countingScores()) {
            byEntry.computeIfAbsent(score.submissionId(), entry -> new TreeMap<>())
                    .put(score.jurorId(), StandingsCalculator.weightedScore(round.rules(), score.marks()));
        }
        Set<String> jurors = new LinkedHashSet<>(record.jurors.keySet());
        List<JurorProfile> profiles = new ArrayList<>();
        for (String juror : jurors) {
            List<BigDecimal> own = new ArrayList<>();
            List<BigDecimal> ownShared = new ArrayList<>();
            List<BigDecimal> panel = new ArrayList<>();
            byEntry.forEach((entry, scores) -> {
                BigDecimal mine = scores.get(juror);
                if (mine == null) {
                    return;
                }
                own.add(mine);
                List<BigDecimal> others = scores.entrySet().stream().filter(e -> !e.getKey().equals(juror))
                        .map(Map.Entry::getValue).toList();
                if (!others.isEmpty()) {
                    ownShared.add(mine);
                    panel.add(mean(others));
                }
            });
            int revised = 0;
            int late = 0;
            for (Object[] revision : revisions) {
                if (!revision[0].equals(juror)) {
                    continue;
                }
                revised++;
                long at = (Long) revision[2];
                String entry = (String) revision[1];
                boolean othersBefore = firstScored.entrySet().stream().anyMatch(first ->
                        first.getKey().endsWith("|" + entry) && !first.getKey().startsWith(juror + "|")
                                && first.getValue() < at);
                if (othersBefore) {
                    late++;
                }
            }
            BigDecimal panelMean = panel.isEmpty() ? null : mean(panel);
            BigDecimal offset = panel.isEmpty() ? null : mean(ownShared).subtract(panelMean);
            profiles.add(new JurorProfile(juror, record.jurors.get(juror).name(), own.size(),
                    own.isEmpty() ? null : display(mean(own)), own.size() < 2 ? null : display(sd(own)),
                    panelMean == null ? null : display(panelMean), offset == null ? null : display(offset),
                    revised, late));
        }
        return profiles;
    }

    private static List<Sensitivity> sensitivity(JudgingRecord record, String roundId, int size) {
        JudgingRecord.Round round = record.rounds.get(roundId);
        if (round == null) {
            return List.of();
        }
        List<EntryInfo> entries = record.entryInfo(round, record.entries);
        List<String> top = top(StandingsCalculator.rank(round.rules(), entries, round.countingScores()), size);
        List<Sensitivity> result = new ArrayList<>();
        for (String juror : record.jurors.keySet()) {
            List<JurorScore> without = round.countingScores().stream()
                    .filter(score -> !score.jurorId().equals(juror)).toList();
            List<String> alternative = top(StandingsCalculator.rank(round.rules(), entries, without), size);
            List<String> enter = alternative.stream().filter(entry -> !top.contains(entry)).toList();
            List<String> leave = top.stream().filter(entry -> !alternative.contains(entry)).toList();
            result.add(new Sensitivity(juror, !enter.isEmpty() || !leave.isEmpty(), enter, leave));
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
