package org.festivalledger.jury;

import org.festivalledger.rules.StateConflict;

/** A juror id is appointed once per competition: a second appointment would hand out a second token. */
public class JurorAlreadyAppointed extends StateConflict {

    public JurorAlreadyAppointed(String jurorId, String competitionId) {
        super("Juror " + jurorId + " is already appointed to competition " + competitionId);
    }
}
