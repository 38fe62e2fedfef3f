package org.festivalledger.scoring;

import org.festivalledger.rules.StateConflict;

/** No score is accepted after a round closes: its standings, and any shortlist drawn from them, are final. */
public class RoundClosedForScoring extends StateConflict {

    public RoundClosedForScoring(String roundId) {
        super("Round " + roundId + " is closed; no score is accepted after a round closes");
    }
}
