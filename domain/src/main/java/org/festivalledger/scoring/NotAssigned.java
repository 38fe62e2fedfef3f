package org.festivalledger.scoring;

import org.festivalledger.rules.RuleViolation;

/** A juror scores only the entries assigned to them, so every entry is judged by the jurors the round chose. */
public class NotAssigned extends RuleViolation {

    public NotAssigned(String jurorId, String submissionId, String roundId) {
        super("Juror " + jurorId + " is not assigned to entry " + submissionId + " in round " + roundId
                + " and cannot score it");
    }
}
