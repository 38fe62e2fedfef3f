package org.festivalledger.round;

import org.festivalledger.rules.UnknownEntity;

/** There is no such assignment to remove: the juror does not judge that entry in that round. */
public class UnknownAssignment extends UnknownEntity {

    public UnknownAssignment(String jurorId, String submissionId, String roundId) {
        super("Juror " + jurorId + " is not assigned to entry " + submissionId + " in round " + roundId);
    }
}
