package org.festivalledger.award;

import org.festivalledger.rules.RuleViolation;

/**
 * Only an entry that was judged and is still in the competition can be decided on: not one that never took
 * part in a round, nor one withdrawn or ruled ineligible since.
 */
public class NotInContention extends RuleViolation {

    public NotInContention(String submissionId, String why) {
        super("Entry " + submissionId + " is not in contention: " + why);
    }
}
