package org.festivalledger.round;

import org.festivalledger.rules.RuleViolation;

/** A round can only take the entries of an earlier round whose results are final, that is, one that has closed. */
public class EarlierRoundNotClosed extends RuleViolation {

    public EarlierRoundNotClosed(String roundId, String earlierRoundId, boolean earlierRoundExists) {
        super("Round " + roundId + " would judge the shortlist of round " + earlierRoundId + ", which "
                + (earlierRoundExists ? "is still open" : "does not exist") + "; only a closed round has a shortlist");
    }
}
