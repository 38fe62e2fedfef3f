package org.festivalledger.round;

import org.festivalledger.rules.StateConflict;

/** A juror judges an entry once per round, so the assignment cannot be made twice. */
public class JurorAlreadyAssigned extends StateConflict {

    public JurorAlreadyAssigned(String jurorId, String submissionId, String roundId) {
        super("Juror " + jurorId + " is already assigned to entry " + submissionId + " in round " + roundId);
    }
}
