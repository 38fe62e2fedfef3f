package org.festivalledger.round;

import org.festivalledger.rules.StateConflict;

/** Round ids name rounds for good (scores, shortlists and the audit refer to them), so one is never reused. */
public class RoundAlreadyExists extends StateConflict {

    public RoundAlreadyExists(String roundId, String competitionId) {
        super("Competition " + competitionId + " already has a round " + roundId);
    }
}
