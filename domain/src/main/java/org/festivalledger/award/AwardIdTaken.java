package org.festivalledger.award;

import org.festivalledger.rules.StateConflict;

public class AwardIdTaken extends StateConflict {

    public AwardIdTaken(String awardId) {
        super("An award with id " + awardId + " already exists");
    }
}
