package org.festivalledger.judging;

import org.festivalledger.competition.Criterion;
import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.Problems;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A score's marks: one for every criterion of the competition, none for anything else, each within its
 * criterion's range. A score missing a criterion could not be weighted like the others, so it is refused
 * rather than counted as zero.
 */
final class WellFormedMarks {

    private WellFormedMarks() {
    }

    /** Every bad mark, each blamed on {@code marks.<criterionId>} so a juror sees which box to fix. */
    static Problems problemsOf(Map<String, BigDecimal> marks, List<Criterion> criteria) {
        Map<String, BigDecimal> given = marks == null ? Map.of() : marks;
        Problems problems = new Problems();
        for (Criterion criterion : criteria) {
            String field = "marks." + criterion.id();
            BigDecimal mark = given.get(criterion.id());
            if (mark == null) {
                problems.check(false, field, "is missing");
            } else if (!Bounds.isReasonable(mark)) {
                problems.limitNumber(mark, field);
            } else {
                problems.check(mark.compareTo(criterion.min()) >= 0 && mark.compareTo(criterion.max()) <= 0, field,
                        "must be between " + criterion.min().toPlainString() + " and "
                                + criterion.max().toPlainString());
            }
        }
        // Sorted, so the same request is always refused with the same answer whatever order its map came in.
        Set<String> unknown = new TreeSet<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        unknown.addAll(given.keySet());
        criteria.forEach(criterion -> unknown.remove(criterion.id()));
        unknown.forEach(id -> problems.check(false, "marks." + id, "is not a criterion of this competition"));
        return problems;
    }

    /** The marks in the order of the competition's criteria, as the ledger and its exports show them. */
    static Map<String, BigDecimal> inCriterionOrder(Map<String, BigDecimal> marks, List<Criterion> criteria) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        criteria.forEach(criterion -> ordered.put(criterion.id(), marks.get(criterion.id())));
        return Collections.unmodifiableMap(ordered);
    }
}
