package org.festivalledger.round;

import org.festivalledger.rules.UnknownEntity;

/** The entry does not take part in the round: it was never in it, or it was dropped from it. */
public class EntryNotInRound extends UnknownEntity {

    public EntryNotInRound(String submissionId, String roundId) {
        super("Entry " + submissionId + " does not take part in round " + roundId);
    }
}
