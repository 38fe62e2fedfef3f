package org.festivalledger.publication;

import org.festivalledger.rules.StateConflict;

/**
 * A publication makes public the shortlists and awards recorded before it. With none recorded since the last
 * one it would publish nothing, and the public record would show two publications of the same results.
 */
public class NothingNewToPublish extends StateConflict {

    public NothingNewToPublish(String competitionId) {
        super("Competition " + competitionId + " has no shortlist or award recorded since its last publication:"
                + " there is nothing new to publish");
    }
}
