package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.EntryNotJudged;
import org.festivalledger.award.NotInContention;
import org.festivalledger.award.UnknownAwardCategory;
import org.festivalledger.judging.AwardEligibility;
import org.festivalledger.standings.JudgingRecord;

import java.util.List;

/**
 * Was an award open to its entry at the position it rests on? The category must have been announced, the entry
 * judged in some round of the competition, and not have left it (withdrawn or ruled ineligible): the judging's
 * own rule ({@link AwardEligibility}), called again on the competition replayed to that position. The rule stops
 * at the first reason an award was not open to its entry, and that reason is the problem reported.
 */
final class AwardProvenance {

    private AwardProvenance() {
    }

    /**
     * @param position where the award is recorded (problems are reported there)
     * @param replay   its competition replayed exactly to {@code award.basedOnPosition()}
     */
    static List<Problem> check(long position, AwardConferred award, CompetitionReplay replay) {
        String prefix = "award " + award.awardId() + " (" + award.categoryId() + ") to " + award.submissionId()
                + " in " + award.competitionId() + ": ";
        String at = " at position " + award.basedOnPosition();
        JudgingRecord record = replay.record;
        AwardEligibility eligibility = new AwardEligibility(replay::announced, record::judgedInSomeRound,
                record.leftContention());
        try {
            eligibility.require(award.competitionId(), award.categoryId(), award.submissionId());
            return List.of();
        } catch (UnknownAwardCategory e) {
            return List.of(new Problem(position, Kind.AWARD, prefix + "the category had not been announced" + at));
        } catch (EntryNotJudged e) {
            return List.of(new Problem(position, Kind.AWARD, prefix + "the entry had not been judged in any round"
                    + at));
        } catch (NotInContention e) {
            return List.of(new Problem(position, Kind.AWARD, prefix + "the entry had left the competition" + at
                    + " (" + record.leftContention().get(award.submissionId()) + ")"));
        }
    }
}
