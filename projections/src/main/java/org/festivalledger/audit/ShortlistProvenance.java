package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.judging.ShortlistDraft;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.shortlist.DrawShortlist;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.shortlist.TieAtCutOff;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.RoundStandings;
import org.festivalledger.standings.Standings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Does a recorded shortlist follow from the standings at the position it rests on? The round is ranked again from
 * the competition replayed to {@code basedOnPosition} (as {@code ShortlistDrawing} ranked it when the decision was
 * made), the decision is taken again by the judging's own rules ({@link ShortlistDraft}) with the recorded size,
 * overrides and rationale, and what the rules give is compared with what was recorded. A refusal by the rules is
 * the problem reported.
 */
final class ShortlistProvenance {

    private final long position;
    private final ShortlistDrawn drawn;
    private final List<Problem> problems = new ArrayList<>();

    private ShortlistProvenance(long position, ShortlistDrawn drawn) {
        this.position = position;
        this.drawn = drawn;
    }

    /**
     * @param position where the decision is recorded (problems are reported there)
     * @param replay   its competition replayed exactly to {@code drawn.basedOnPosition()}
     */
    static List<Problem> check(long position, ShortlistDrawn drawn, CompetitionReplay replay) {
        ShortlistProvenance check = new ShortlistProvenance(position, drawn);
        check.run(replay.record);
        return check.problems;
    }

    private void run(JudgingRecord record) {
        JudgingRecord.Round round = record.round(drawn.roundId()).orElse(null);
        if (round == null) {
            problem("round " + drawn.roundId() + " did not exist at position " + drawn.basedOnPosition());
            return;
        }
        Standings standings;
        try {
            standings = RoundStandings.of(record, drawn.roundId(), record.entryFacts()).orElseThrow()
                    .standings(drawn.basedOnPosition());
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem("the standings at position " + drawn.basedOnPosition() + " cannot be computed: " + e.getMessage());
            return;
        }
        List<ShortlistOverride> overrides = drawn.overrides() == null ? List.of() : drawn.overrides();
        DrawShortlist again = new DrawShortlist(drawn.competitionId(), drawn.roundId(), drawn.size(),
                standings.ranking(), overrides, drawn.rationale(), drawn.basedOnPosition(), null);
        ShortlistDrawn expected;
        try {
            expected = new ShortlistDraft(again, !round.isOpen(), new HashSet<>(round.allEntries()),
                    record.leftContention()).decide(drawn.competitionId());
        } catch (TieAtCutOff tie) {
            problem("a tie across the cut-off at score " + tie.score() + " between " + brief(tie.tiedAbove())
                    + " and " + brief(tie.tiedBelow()) + " was not decided by any override");
            return;
        } catch (InvalidInput invalid) {
            invalid.errors().forEach(error -> problem(error.field() + " " + error.message()));
            return;
        } catch (RuleViolation | StateConflict refused) {
            problem(refused.getMessage() + " (at position " + drawn.basedOnPosition() + ")");
            return;
        }
        compare(expected, record);
    }

    /** What the rules give, against what was recorded. */
    private void compare(ShortlistDrawn expected, JudgingRecord record) {
        rankedRows(expected.ranked());
        if (!sameScore(drawn.cutOffScore(), expected.cutOffScore())) {
            problem("cut-off score recorded as " + drawn.cutOffScore() + " but the standings at position "
                    + drawn.basedOnPosition() + " give " + expected.cutOffScore());
        }
        if (!expected.shortlist().equals(drawn.shortlist())) {
            problem("shortlist recorded as " + brief(drawn.shortlist())
                    + " but the standings at position " + drawn.basedOnPosition()
                    + " with the recorded overrides give " + brief(expected.shortlist()));
        }
        // Said apart, because it is the gravest way the lists can differ.
        for (String entry : drawn.shortlist() == null ? List.<String>of() : drawn.shortlist()) {
            String reason = record.leftContention().get(entry);
            if (reason != null) {
                problem(entry + " goes through although it had left the competition (" + reason + ")");
            }
        }
    }

    /** The recorded rows must be the first {@code size} rows of the standings, in order, with their scores. */
    private void rankedRows(List<RankedEntry> expected) {
        List<RankedEntry> ranked = drawn.ranked() == null ? List.of() : drawn.ranked();
        if (ranked.size() != expected.size()) {
            problem(ranked.size() + " ranked rows recorded for a shortlist of " + expected.size());
        }
        int differing = 0;
        String first = null;
        for (int i = 0; i < Math.min(expected.size(), ranked.size()); i++) {
            RankedEntry recorded = ranked.get(i);
            RankedEntry row = expected.get(i);
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
