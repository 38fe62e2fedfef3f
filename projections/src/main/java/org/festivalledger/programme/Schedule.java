package org.festivalledger.programme;

import java.util.List;

/**
 * A competition's schedule by day (in the festival's time zone) and venue, as one audience may see it: the
 * organiser's has every item with its warnings, the public's only public items still on.
 */
public record Schedule(String competitionId, String timeZone, List<ScheduleDay> days) {

    /** Every entry of the schedule, day by day and venue by venue. */
    public List<ScheduleEntry> entries() {
        return days.stream().flatMap(day -> day.venues().stream()).flatMap(venue -> venue.items().stream()).toList();
    }
}
