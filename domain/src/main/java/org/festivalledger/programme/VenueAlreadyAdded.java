package org.festivalledger.programme;

import org.festivalledger.rules.StateConflict;

/** A venue id names one venue for the whole festival, so it is added once. */
public class VenueAlreadyAdded extends StateConflict {

    public VenueAlreadyAdded(String venueId, String competitionId) {
        super("Competition " + competitionId + " already has a venue " + venueId);
    }
}
