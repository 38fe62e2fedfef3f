package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a venue to a competition's programme: a room with its seats and the minutes it needs between bookings. */
public record AddVenue(String competitionId, String venueId, String name, Integer capacity,
                       Integer changeoverMinutes) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
