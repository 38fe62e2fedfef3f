package org.festivalledger.shortlist;

import org.festivalledger.rules.RuleViolation;

/** A round can judge an earlier round's shortlist only once that shortlist has been drawn. */
public class NoShortlist extends RuleViolation {

    public NoShortlist(String earlierRoundId) {
        super("Round " + earlierRoundId + " has no shortlist yet: draw it before opening a round that judges it");
    }
}
