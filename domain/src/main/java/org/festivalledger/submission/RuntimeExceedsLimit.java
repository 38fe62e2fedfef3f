package org.festivalledger.submission;

import org.festivalledger.rules.RuleViolation;

/** A film runs longer than the competition allows. */
public class RuntimeExceedsLimit extends RuleViolation {

    public RuntimeExceedsLimit(String title, int runtimeMinutes, int maxRuntimeMinutes) {
        super("'" + title + "' runs " + runtimeMinutes + " minutes; the competition allows at most "
                + maxRuntimeMinutes);
    }
}
