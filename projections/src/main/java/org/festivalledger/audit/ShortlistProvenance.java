package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.StandingsCalculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Does a recorded shortlist follow from the standings at the position it rests on? The round is ranked again by
 * the live calculator from the competition replayed to {@code basedOnPosition} (as {@code ShortlistDrawing} ranked
 * it when the decision was made); the recorded rows and cut-off must be the first {@code size} rows, a tie across
 * the cut-off must have been decided by overrides, every override must give a reason, and the list must be those
 * rows with the overrides applied (the rules of {@code ShortlistDraft}).
 */
final class ShortlistProvenance {

    private final long position;
    private final ShortlistDrawn drawn;
    private final JudgingRecord record;
    private final List<Problem> problems = new ArrayList<>();

    private ShortlistProvenance(long position, ShortlistDrawn drawn, JudgingRecord record) {
        this.position = position;
        this.drawn = drawn;
        this.record = record;
    }

    /**
     * @param position where the decision is recorded (problems are reported there)
     * @param replay   its competition replayed exactly to {@code drawn.basedOnPosition()}
     */
    static List<Problem> check(long position, ShortlistDrawn drawn, CompetitionReplay replay) {
        ShortlistProvenance check = new ShortlistProvenance(position, drawn, replay.record);
        check.run();
        return check.problems;
    }

    private void run() {
        JudgingRecord.Round round = record.rounds.get(drawn.roundId());
        if (round == null) {
            problem("round " + drawn.roundId() + " did not exist at position " + drawn.basedOnPosition());
            return;
        }
        if (round.open) {
            problem("round " + drawn.roundId() + " was still open at position " + drawn.basedOnPosition());
        }
        List<StandingRow> standings;
        try {
            standings = StandingsCalculator.rank(round.rules(), record.entryInfo(round, record.entries),
                    round.countingScores());
        } catch (IllegalArgumentException e) {
            problem("the standings at position " + drawn.basedOnPosition() + " cannot be computed: " + e.getMessage());
            return;
        }
        int size = drawn.size();
        if (size < 1 || size > standings.size()) {
            problem("a shortlist of " + size + " from a round of " + standings.size() + " ranked entries");
            return;
        }
        BigDecimal cutOff = standings.get(size - 1).score();
        if (cutOff == null) {
            problem("fewer than " + size + " entries had a score at position " + drawn.basedOnPosition());
        }
        rankedRows(standings, size);
        if (!sameScore(drawn.cutOffScore(), cutOff)) {
            problem("cut-off score recorded as " + drawn.cutOffScore() + " but the standings at position "
                    + drawn.basedOnPosition() + " give " + cutOff);
        }
        Map<String, ShortlistOverride> overrides = overrides();
        tieAtCutOff(standings, size, cutOff, overrides);
        List<String> expected = withOverrides(standings, size, overrides);
        if (!expected.equals(drawn.shortlist())) {
            problem("shortlist recorded as " + brief(drawn.shortlist())
                    + " but the standings at position " + drawn.basedOnPosition()
                    + " with the recorded overrides give " + brief(expected));
        }
        for (String entry : drawn.shortlist() == null ? List.<String>of() : drawn.shortlist()) {
            String reason = record.leftContention.get(entry);
            if (reason != null) {
                problem(entry + " goes through although it had left the competition (" + reason + ")");
            }
        }
    }

    /** The recorded rows must be the first {@code size} rows of the standings, in order, with their scores. */
    private void rankedRows(List<StandingRow> standings, int size) {
        List<RankedEntry> ranked = drawn.ranked() == null ? List.of() : drawn.ranked();
        if (ranked.size() != size) {
            problem(ranked.size() + " ranked rows recorded for a shortlist of " + size);
        }
        int differing = 0;
        String first = null;
        for (int i = 0; i < Math.min(size, ranked.size()); i++) {
            RankedEntry recorded = ranked.get(i);
            StandingRow row = standings.get(i);
            if (recorded == null || !row.submissionId().equals(recorded.submissionId())
                    || !sameScore(row.score(), recorded.score()) || recorded.rank() != row.rank()
                    || recorded.complete() != row.complete()) {
                differing++;
                if (first == null) {
                    first = "row " + (i + 1) + " records " + (recorded == null ? "nothing"
                            : recorded.submissionId() + " (score " + recorded.score() + ")")
                            + " where the standings give " + row.submissionId() + " (score " + row.score() + ")";
                }
            }
        }
        if (first != null) {
            problem("the ranking does not follow from the standings at position " + drawn.basedOnPosition() + ": "
                    + first + (differing > 1 ? " (" + differing + " rows differ)" : ""));
        }
    }

    private Map<String, ShortlistOverride> overrides() {
        Map<String, ShortlistOverride> overrides = new LinkedHashMap<>();
        for (ShortlistOverride override : drawn.overrides() == null ? List.<ShortlistOverride>of() : drawn.overrides()) {
            if (override == null || override.submissionId() == null || override.action() == null) {
                problem("an override without an entry or an action");
                continue;
            }
            if (override.reason() == null || override.reason().isBlank()) {
                problem("the override " + override.action() + " " + override.submissionId() + " gives no reason");
            }
            if (overrides.put(override.submissionId(), override) != null) {
                problem("two overrides name " + override.submissionId());
            }
        }
        return overrides;
    }

    /**
     * Entries sharing the cut-off score on both sides of it must have been decided on explicitly: every tied
     * entry below the cut-off named by an override (or out of contention), or every tied entry above it excluded.
     */
    private void tieAtCutOff(List<StandingRow> standings, int size, BigDecimal cutOff,
                             Map<String, ShortlistOverride> overrides) {
        if (cutOff == null || standings.size() == size || !sameScore(standings.get(size).score(), cutOff)) {
            return;
        }
        List<String> above = standings.subList(0, size).stream().filter(row -> sameScore(row.score(), cutOff))
                .map(StandingRow::submissionId).toList();
        List<String> below = standings.subList(size, standings.size()).stream()
                .takeWhile(row -> sameScore(row.score(), cutOff)).map(StandingRow::submissionId).toList();
        boolean belowDecided = below.stream().allMatch(entry -> overrides.containsKey(entry)
                || record.leftContention.containsKey(entry));
        boolean aboveExcluded = above.stream().allMatch(entry -> overrides.containsKey(entry)
                && overrides.get(entry).action() == OverrideAction.EXCLUDE);
        if (!belowDecided && !aboveExcluded) {
            problem("a tie across the cut-off at score " + cutOff + " between " + brief(above) + " and "
                    + brief(below) + " was not decided by any override");
        }
    }

    /** The entries going through: the first {@code size} rows not excluded, and the included, in standings order. */
    private static List<String> withOverrides(List<StandingRow> standings, int size,
                                              Map<String, ShortlistOverride> overrides) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            String entry = standings.get(i).submissionId();
            ShortlistOverride override = overrides.get(entry);
            OverrideAction action = override == null ? null : override.action();
            if (action == OverrideAction.INCLUDE || (action == null && i < size)) {
                list.add(entry);
            }
        }
        return list;
    }

    private void problem(String message) {
        problems.add(new Problem(position, Kind.SHORTLIST, "shortlist of round " + drawn.roundId() + " of "
                + drawn.competitionId() + ": " + message));
    }

    /** A list of ids short enough to read when a round has hundreds of entries. */
    private static String brief(List<String> ids) {
        if (ids == null) {
            return "nothing";
        }
        if (ids.size() <= 8) {
            return ids.toString();
        }
        return ids.subList(0, 8).toString().replaceFirst("]$", ", … (" + ids.size() + " in all)]");
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a != null && b != null ? a.compareTo(b) == 0 : Objects.equals(a, b);
    }
}
