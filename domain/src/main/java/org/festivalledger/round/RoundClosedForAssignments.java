package org.festivalledger.round;

import org.festivalledger.rules.StateConflict;

/** Once a round has closed, who judged what in it is history and no longer changes. */
public class RoundClosedForAssignments extends StateConflict {

    public RoundClosedForAssignments(String roundId) {
        super("Round " + roundId + " is closed; its assignments can no longer change");
    }
}
