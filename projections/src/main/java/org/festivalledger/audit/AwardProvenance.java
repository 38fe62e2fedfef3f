package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.standings.JudgingRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Was an award open to its entry at the position it rests on? The category must have been announced, the entry
 * judged in some round of the competition, and not have left it (withdrawn or ruled ineligible): the rules the
 * judging applied when it conferred the award, checked again on the competition replayed to that position.
 */
final class AwardProvenance {

    private AwardProvenance() {
    }

    /**
     * @param position where the award is recorded (problems are reported there)
     * @param replay   its competition replayed exactly to {@code award.basedOnPosition()}
     */
    static List<Problem> check(long position, AwardConferred award, CompetitionReplay replay) {
        List<Problem> problems = new ArrayList<>();
        String prefix = "award " + award.awardId() + " (" + award.categoryId() + ") to " + award.submissionId()
                + " in " + award.competitionId() + ": ";
        String at = " at position " + award.basedOnPosition();
        if (!replay.categories.contains(award.categoryId())) {
            problems.add(new Problem(position, Kind.AWARD, prefix + "the category had not been announced" + at));
        }
        JudgingRecord record = replay.record;
        boolean judged = record.rounds.values().stream().anyMatch(round -> round.entries.contains(award.submissionId()));
        if (!judged) {
            problems.add(new Problem(position, Kind.AWARD, prefix + "the entry had not been judged in any round" + at));
        }
        String left = record.leftContention.get(award.submissionId());
        if (left != null) {
            problems.add(new Problem(position, Kind.AWARD, prefix + "the entry had left the competition" + at
                    + " (" + left + ")"));
        }
        return problems;
    }
}
