package org.festivalledger.programme;

import org.axonframework.serialization.Revision;

/** A venue joined the programme: its seats, and the minutes it needs to turn round after each booking. */
@Revision("1")
public record VenueAdded(String competitionId, String venueId, String name, int capacity, int changeoverMinutes) {
}
