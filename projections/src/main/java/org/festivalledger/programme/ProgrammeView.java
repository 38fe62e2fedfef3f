package org.festivalledger.programme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One competition's programme as stored: its venues in the order they were added, and every item ever booked. */
public record ProgrammeView(String competitionId, List<VenueView> venues, Map<String, ScheduleItem> items) {

    static ProgrammeView empty(String competitionId) {
        return new ProgrammeView(competitionId, List.of(), Map.of());
    }

    ProgrammeView withVenue(VenueView venue) {
        List<VenueView> next = new ArrayList<>(venues);
        next.removeIf(existing -> existing.id().equals(venue.id()));
        next.add(venue);
        return new ProgrammeView(competitionId, List.copyOf(next), items);
    }

    ProgrammeView withItem(ScheduleItem item) {
        Map<String, ScheduleItem> next = new LinkedHashMap<>(items);
        next.put(item.id(), item);
        return new ProgrammeView(competitionId, venues, next);
    }

    Optional<ScheduleItem> item(String itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    Optional<VenueView> venue(String venueId) {
        return venues.stream().filter(venue -> venue.id().equals(venueId)).findFirst();
    }
}
