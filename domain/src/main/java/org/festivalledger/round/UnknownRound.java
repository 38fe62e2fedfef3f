package org.festivalledger.round;

import org.festivalledger.rules.UnknownEntity;

/** No round with this id was opened in the competition named by the request. */
public class UnknownRound extends UnknownEntity {

    public UnknownRound(String roundId, String competitionId) {
        super("Competition " + competitionId + " has no round " + roundId);
    }
}
