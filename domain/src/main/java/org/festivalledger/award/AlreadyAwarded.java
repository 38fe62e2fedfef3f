package org.festivalledger.award;

import org.festivalledger.rules.StateConflict;

/** The same entry cannot win the same category twice over. */
public class AlreadyAwarded extends StateConflict {

    public AlreadyAwarded(String submissionId, String categoryId) {
        super("Entry " + submissionId + " already holds the award in category " + categoryId);
    }
}
