package org.festivalledger.jury;

import org.festivalledger.rules.StateConflict;

/** The conflict is on record already; declaring it again would void nothing and only blur the history. */
public class ConflictAlreadyDeclared extends StateConflict {

    public ConflictAlreadyDeclared(String jurorId, String submissionId) {
        super("Juror " + jurorId + "'s conflict of interest with entry " + submissionId + " is already on record");
    }
}
