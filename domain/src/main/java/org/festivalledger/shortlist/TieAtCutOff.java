package org.festivalledger.shortlist;

import org.festivalledger.rules.RuleViolation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Entries with the same score fall on both sides of the cut-off. The standings' tie-break would decide, but
 * a shortlist is a decision people argue about, so the organiser must make it explicitly: name the tied
 * entries below the cut-off in overrides (include or exclude, with a reason), exclude the tied ones above
 * it, or choose a size that does not split them.
 */
public class TieAtCutOff extends RuleViolation {

    private final BigDecimal score;
    private final List<String> tiedAbove;
    private final List<String> tiedBelow;

    public TieAtCutOff(BigDecimal score, List<String> tiedAbove, List<String> tiedBelow) {
        super("A tie across the cut-off: " + tiedAbove + " (on the list) and " + tiedBelow
                + " (below it) share the score " + score.toPlainString() + "; resolve it with overrides that name "
                + tiedBelow + " (or exclude " + tiedAbove + ") with a reason, or choose another size");
        this.score = score;
        this.tiedAbove = List.copyOf(tiedAbove);
        this.tiedBelow = List.copyOf(tiedBelow);
    }

    public BigDecimal score() {
        return score;
    }

    public List<String> tiedAbove() {
        return tiedAbove;
    }

    public List<String> tiedBelow() {
        return tiedBelow;
    }
}
