package org.festivalledger.publication;

import org.festivalledger.rules.StateConflict;

public class ResultsAlreadyPublished extends StateConflict {

    public ResultsAlreadyPublished(String competitionId) {
        super("The results of competition " + competitionId + " have already been published");
    }
}
