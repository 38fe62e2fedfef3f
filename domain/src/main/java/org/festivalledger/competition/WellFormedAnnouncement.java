package org.festivalledger.competition;

import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an announcement must contain before a competition can exist; kept apart so Competition reads as behaviour. */
final class WellFormedAnnouncement {

    private WellFormedAnnouncement() {
    }

    static Problems problemsOf(AnnounceCompetition announcement) {
        Problems problems = new Problems()
                .requireText(announcement.competitionId(), "competitionId")
                .requireText(announcement.name(), "name")
                .limitText(announcement.name(), "name", TextKind.LINE)
                .limitText(announcement.edition(), "edition", TextKind.LINE);
        checkCriteria(announcement.criteria(), problems);
        checkRules(announcement.rules(), problems);
        checkAwardCategories(announcement.awardCategories(), problems);
        return problems;
    }

    private static void checkCriteria(List<Criterion> criteria, Problems problems) {
        // Standings divide by the sum of weights, so a competition without criteria could never be judged.
        if (criteria == null || criteria.isEmpty()) {
            problems.check(false, "criteria", "must hold at least one criterion");
            return;
        }
        problems.limitCount(criteria, "criteria", Bounds.MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            String at = "criteria[" + i + "]";
            Criterion criterion = criteria.get(i);
            if (criterion == null) {
                problems.check(false, at, "is required");
                continue;
            }
            checkId(criterion.id(), at + ".id", seen, problems);
            problems.limitText(criterion.name(), at + ".name", TextKind.LINE);
            BigDecimal weight = criterion.weight();
            problems.requirePresent(weight, at + ".weight").limitNumber(weight, at + ".weight");
            if (weight != null) {
                problems.check(weight.signum() > 0, at + ".weight", "must be greater than zero");
            }
            problems.requirePresent(criterion.min(), at + ".min").limitNumber(criterion.min(), at + ".min");
            problems.requirePresent(criterion.max(), at + ".max").limitNumber(criterion.max(), at + ".max");
            // Compared only within bounds: the message prints min, which must be a number of reasonable length.
            if (criterion.min() != null && criterion.max() != null && Bounds.isReasonable(criterion.min())
                    && Bounds.isReasonable(criterion.max())) {
                problems.check(criterion.min().compareTo(criterion.max()) < 0, at + ".max",
                        "must be greater than min (" + criterion.min().toPlainString() + ")");
            }
        }
    }

    private static void checkRules(SubmissionRules rules, Problems problems) {
        if (rules == null) {
            problems.check(false, "rules", "is required");
            return;
        }
        problems.requirePresent(rules.submissionDeadline(), "rules.submissionDeadline")
                .limitTime(rules.submissionDeadline(), "rules.submissionDeadline");
        problems.check(rules.maxRuntimeMinutes() > 0, "rules.maxRuntimeMinutes", "must be greater than zero");
    }

    private static void checkAwardCategories(List<AwardCategory> categories, Problems problems) {
        // No rule asks for categories at announcement; only the ids that are given must be usable as references.
        if (categories == null) {
            return;
        }
        problems.limitCount(categories, "awardCategories", Bounds.MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < categories.size(); i++) {
            String at = "awardCategories[" + i + "]";
            AwardCategory category = categories.get(i);
            if (category == null) {
                problems.check(false, at, "is required");
                continue;
            }
            checkId(category.id(), at + ".id", seen, problems);
            problems.limitText(category.name(), at + ".name", TextKind.LINE);
        }
    }

    private static void checkId(String id, String field, Set<String> seen, Problems problems) {
        problems.requireText(id, field).limitText(id, field, TextKind.LINE);
        if (!TextKind.isBlank(id)) {
            problems.check(seen.add(id), field, "duplicates the id '" + id + "'");
        }
    }
}
