package org.festivalledger.round;

import org.festivalledger.rules.StateConflict;

/** A round closes once: its standings are final as of that moment, and a second close would move it. */
public class RoundAlreadyClosed extends StateConflict {

    public RoundAlreadyClosed(String roundId) {
        super("Round " + roundId + " is already closed");
    }
}
