package org.festivalledger.programme;

import org.festivalledger.rules.UnknownEntity;

/** No venue with this id was added to the competition's programme. */
public class UnknownVenue extends UnknownEntity {

    public UnknownVenue(String venueId, String competitionId) {
        super("Competition " + competitionId + " has no venue " + venueId);
    }
}
