package org.festivalledger.jury;

import org.festivalledger.rules.RuleViolation;

/** A juror is conflicted on an entry, so must neither judge nor be asked to judge it. */
public class ConflictOfInterest extends RuleViolation {

    public ConflictOfInterest(String jurorId, String submissionId, String refusedAction) {
        super("Juror " + jurorId + " has declared a conflict of interest with entry " + submissionId
                + " and cannot " + refusedAction);
    }
}
