package org.festivalledger.judging;

import org.festivalledger.award.EntryNotJudged;
import org.festivalledger.award.NotInContention;
import org.festivalledger.award.UnknownAwardCategory;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether an award is open to an entry: its category was announced, the entry was judged in some round of the
 * competition, and it has not left the competition (withdrawn or ruled ineligible). The one implementation: the
 * {@link Judging} confers by it, and the auditor's verifier re-checks every recorded award by it on the
 * competition replayed to the award's position.
 */
public final class AwardEligibility {

    private final Predicate<String> categoryAnnounced;
    private final Predicate<String> judgedInSomeRound;
    private final Map<String, String> leftContention;

    /**
     * @param categoryAnnounced  whether a category id was announced
     * @param judgedInSomeRound  whether an entry was in any round's entries
     * @param leftContention     entries that left the competition, with the reason recorded
     */
    public AwardEligibility(Predicate<String> categoryAnnounced, Predicate<String> judgedInSomeRound,
                            Map<String, String> leftContention) {
        this.categoryAnnounced = categoryAnnounced;
        this.judgedInSomeRound = judgedInSomeRound;
        this.leftContention = leftContention;
    }

    /**
     * @throws UnknownAwardCategory if the category was not announced
     * @throws NotInContention      if the entry left the competition, or {@link EntryNotJudged} if no round judged it
     */
    public void require(String competitionId, String categoryId, String submissionId) {
        if (!categoryAnnounced.test(categoryId)) {
            throw new UnknownAwardCategory(categoryId, competitionId);
        }
        String left = leftContention.get(submissionId);
        if (left != null) {
            throw new NotInContention(submissionId, left);
        }
        if (!judgedInSomeRound.test(submissionId)) {
            throw new EntryNotJudged(submissionId);
        }
    }
}
