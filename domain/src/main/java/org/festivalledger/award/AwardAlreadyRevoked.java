package org.festivalledger.award;

import org.festivalledger.rules.StateConflict;

public class AwardAlreadyRevoked extends StateConflict {

    public AwardAlreadyRevoked(String awardId) {
        super("Award " + awardId + " has already been revoked");
    }
}
