package org.festivalledger.audit;

import org.festivalledger.competition.Criterion;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.JurorScore;
import org.festivalledger.standings.StandingsTimeTravel;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The geometry of the auditor's pictures of a round, computed here so that the templates only draw: where each
 * juror's mean and the panel's sit on the marks' scale, how the marks of each criterion are distributed, and the
 * path of each leading entry's rank over the ledger positions. Every figure drawn is also in a table on the page.
 */
@Service
class RoundPictures {

    static final int WIDTH = 640;
    static final int LABEL = 150;
    static final int ROW = 30;
    private static final int PLOT = WIDTH - LABEL - 30;
    private static final int HISTOGRAM_HEIGHT = 120;
    private static final int RANKS_HEIGHT = 260;
    private static final int TOP_ENTRIES = 8;

    private final JurorCalibration calibration;
    private final StandingsTimeTravel timeTravel;
    private final RoundTimeline timeline;

    RoundPictures(JurorCalibration calibration, StandingsTimeTravel timeTravel, RoundTimeline timeline) {
        this.calibration = calibration;
        this.timeTravel = timeTravel;
        this.timeline = timeline;
    }

    /** One juror's row of the calibration picture: x of their mean, of the panel's, and of their spread's ends. */
    record JurorMark(JurorCalibration.JurorProfile profile, int y, Integer meanX, Integer panelX, Integer spreadFromX,
                     Integer spreadToX) {
    }

    /** One bar of a criterion's histogram: the mark, how many gave it, and the bar's box. */
    record Bar(String mark, int count, int x, int y, int width, int height) {
    }

    record Histogram(String criterionId, String criterionName, int scores, List<Bar> bars) {
    }

    /** One entry's rank over the sampled positions: the polyline's points and the rank at the end. */
    record RankLine(String submissionId, String title, String points, Integer lastRank, int lastY, int colour) {
    }

    /** One juror's bar of the sensitivity picture: how many entries would change places on the shortlist. */
    record SensitivityBar(String jurorId, int changes, int y, int width) {
    }

    record Pictures(JurorCalibration.Calibration calibration, BigDecimal scaleMin, BigDecimal scaleMax,
                    List<Integer> ticks, List<Integer> tickX, List<JurorMark> jurors, int calibrationHeight,
                    List<Histogram> histograms, RoundTimeline.RankHistory ranks, List<RankLine> rankLines,
                    int ranksHeight, int ranksWidth, List<SensitivityBar> sensitivity, int sensitivityHeight) {
    }

    Optional<Pictures> of(String competitionId, String roundId, long position, int defaultSize) {
        Optional<JurorCalibration.Calibration> found = calibration.of(competitionId, roundId, position, defaultSize);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JudgingRecord record = timeTravel.replay(competitionId, position).record();
        JudgingRecord.Round round = record.round(roundId).orElseThrow();
        List<Criterion> criteria = round.criteria();
        BigDecimal min = criteria.stream().map(Criterion::min).min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        BigDecimal max = criteria.stream().map(Criterion::max).max(BigDecimal::compareTo).orElse(BigDecimal.TEN);
        List<JurorMark> marks = new ArrayList<>();
        int y = ROW;
        for (JurorCalibration.JurorProfile profile : found.get().jurors()) {
            BigDecimal spread = profile.spread();
            marks.add(new JurorMark(profile, y, x(profile.mean(), min, max), x(profile.panelMean(), min, max),
                    spread == null || profile.mean() == null ? null : x(profile.mean().subtract(spread), min, max),
                    spread == null || profile.mean() == null ? null : x(profile.mean().add(spread), min, max)));
            y += ROW;
        }
        List<Integer> ticks = new ArrayList<>();
        for (int tick = min.intValue(); tick <= max.intValue(); tick++) {
            ticks.add(tick);
        }
        List<Integer> tickX = ticks.stream().map(tick -> x(BigDecimal.valueOf(tick), min, max)).toList();
        List<Histogram> histograms = criteria.stream()
                .map(criterion -> histogram(criterion, round.countingScores())).toList();
        RoundTimeline.RankHistory ranks = timeline.ranks(competitionId, roundId, TOP_ENTRIES).orElse(null);
        List<RankLine> lines = ranks == null ? List.of() : rankLines(ranks);
        List<SensitivityBar> bars = sensitivity(found.get());
        return Optional.of(new Pictures(found.get(), min, max, ticks, tickX, marks, y + ROW / 2, histograms, ranks,
                lines, RANKS_HEIGHT + 40, WIDTH, bars, (bars.size() + 1) * ROW));
    }

    private static Integer x(BigDecimal value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return null;
        }
        BigDecimal span = max.subtract(min).signum() == 0 ? BigDecimal.ONE : max.subtract(min);
        BigDecimal share = value.subtract(min).divide(span, 6, RoundingMode.HALF_EVEN);
        double clamped = Math.max(0, Math.min(1, share.doubleValue()));
        return LABEL + (int) Math.round(clamped * PLOT);
    }

    /** Marks counted per whole mark (a mark of 7.5 counts as 7): enough to see a juror panel's habits. */
    private static Histogram histogram(Criterion criterion, List<JurorScore> scores) {
        int low = criterion.min().intValue();
        int high = criterion.max().intValue();
        int[] counts = new int[high - low + 1];
        int total = 0;
        for (JurorScore score : scores) {
            BigDecimal mark = score.marks().get(criterion.id());
            if (mark != null) {
                int bucket = Math.max(low, Math.min(high, mark.setScale(0, RoundingMode.FLOOR).intValue()));
                counts[bucket - low]++;
                total++;
            }
        }
        int most = 1;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        int slot = (WIDTH - LABEL) / counts.length;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            int height = counts[i] * HISTOGRAM_HEIGHT / most;
            bars.add(new Bar(Integer.toString(low + i), counts[i], 40 + i * slot, 10 + HISTOGRAM_HEIGHT - height,
                    Math.max(4, slot - 6), height));
        }
        return new Histogram(criterion.id(), criterion.name(), total, bars);
    }

    private static List<RankLine> rankLines(RoundTimeline.RankHistory ranks) {
        int samples = ranks.positions().size();
        int worst = Math.max(1, ranks.ranked());
        List<RankLine> lines = new ArrayList<>();
        int colour = 0;
        for (RoundTimeline.EntryRanks entry : ranks.entries()) {
            StringBuilder points = new StringBuilder();
            int lastY = 0;
            Integer lastRank = null;
            for (int i = 0; i < samples; i++) {
                Integer rank = entry.ranks().get(i);
                if (rank == null) {
                    continue;
                }
                int px = 50 + (samples <= 1 ? 0 : i * (WIDTH - 200) / (samples - 1));
                int py = 20 + (worst <= 1 ? 0 : (rank - 1) * RANKS_HEIGHT / (worst - 1));
                points.append(px).append(',').append(py).append(' ');
                lastY = py;
                lastRank = rank;
            }
            lines.add(new RankLine(entry.submissionId(), entry.title(), points.toString().strip(), lastRank, lastY,
                    colour++ % 8));
        }
        return lines;
    }

    /** Entries that would come in without each juror, against the shortlist's size (a full bar: all of it). */
    private static List<SensitivityBar> sensitivity(JurorCalibration.Calibration calibration) {
        int size = Math.max(1, calibration.shortlistSize());
        List<SensitivityBar> bars = new ArrayList<>();
        int y = ROW;
        for (JurorCalibration.Sensitivity juror : calibration.sensitivity()) {
            int changes = juror.wouldEnter().size();
            bars.add(new SensitivityBar(juror.jurorId(), changes, y, Math.min(PLOT, changes * PLOT / size)));
            y += ROW;
        }
        return bars;
    }

    /** The sensitivity figures keyed by juror, for the table beside the calibration picture. */
    static Map<String, JurorCalibration.Sensitivity> byJuror(JurorCalibration.Calibration calibration) {
        Map<String, JurorCalibration.Sensitivity> map = new java.util.HashMap<>();
        calibration.sensitivity().forEach(s -> map.put(s.jurorId(), s));
        return map;
    }
}
