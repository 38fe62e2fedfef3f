package org.festivalledger.programme;

import java.time.LocalDate;
import java.util.List;

/** One festival day: each venue with something starting that day, in the order the venues were added. */
public record ScheduleDay(LocalDate date, List<VenueSchedule> venues) {
}
