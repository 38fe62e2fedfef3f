package org.festivalledger.shortlist;

import org.festivalledger.rules.RuleViolation;

/** An override that changes nothing, or names an entry it cannot apply to, is refused rather than recorded. */
public class OverrideNotApplicable extends RuleViolation {

    public OverrideNotApplicable(String message) {
        super(message);
    }
}
