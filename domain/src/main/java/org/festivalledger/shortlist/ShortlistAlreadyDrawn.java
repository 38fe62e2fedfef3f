package org.festivalledger.shortlist;

import org.festivalledger.rules.StateConflict;

/** A round has one shortlist: later rounds and the public results rest on it. */
public class ShortlistAlreadyDrawn extends StateConflict {

    public ShortlistAlreadyDrawn(String roundId) {
        super("The shortlist of round " + roundId + " has already been drawn");
    }
}
