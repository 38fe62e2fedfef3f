package org.festivalledger.programme;

import java.util.List;

/** One venue's items on one day, by start time. */
public record VenueSchedule(String venueId, String name, int capacity, List<ScheduleEntry> items) {
}
