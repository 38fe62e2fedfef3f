package org.festivalledger.shortlist;

import org.festivalledger.rules.RuleViolation;

/** A shortlist longer than the number of entries that have a score would list entries nobody judged. */
public class NotEnoughScoredEntries extends RuleViolation {

    public NotEnoughScoredEntries(String roundId, int size, int scored) {
        super("Round " + roundId + " has " + scored + " scored entr" + (scored == 1 ? "y" : "ies")
                + ", fewer than the shortlist size " + size);
    }
}
