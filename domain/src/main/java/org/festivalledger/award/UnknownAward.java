package org.festivalledger.award;

import org.festivalledger.rules.UnknownEntity;

public class UnknownAward extends UnknownEntity {

    public UnknownAward(String awardId, String competitionId) {
        super("Competition " + competitionId + " has no award " + awardId);
    }
}
