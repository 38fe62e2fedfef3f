package org.festivalledger.shortlist;

import org.festivalledger.rules.StateConflict;

/** A shortlist is drawn from final standings, so only once the round has closed. */
public class RoundStillOpen extends StateConflict {

    public RoundStillOpen(String roundId) {
        super("Round " + roundId + " is still open: close it before drawing its shortlist");
    }
}
