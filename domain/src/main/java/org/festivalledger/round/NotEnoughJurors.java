package org.festivalledger.round;

import org.festivalledger.rules.RuleViolation;

/** An entry would be left with fewer jurors than the round requires, so the automatic assignment records nothing. */
public class NotEnoughJurors extends RuleViolation {

    public NotEnoughJurors(String submissionId, String roundId, int jurorsPerEntry, int jurorsFreeOfConflict) {
        super("Entry " + submissionId + " needs " + jurorsPerEntry + " jurors in round " + roundId + ", but only "
                + jurorsFreeOfConflict + " appointed jurors are free of a conflict with it; appoint more jurors"
                + " or ask for fewer per entry");
    }
}
