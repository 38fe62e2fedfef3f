package org.festivalledger.round;

import org.festivalledger.rules.RuleViolation;

/** A round was asked to take an earlier round's shortlist, and that round has none on record. */
class NoShortlist extends RuleViolation {

    NoShortlist(String roundId) {
        super("round " + roundId + " has no shortlist on record; open this round with ALL_ELIGIBLE entries");
    }
}
