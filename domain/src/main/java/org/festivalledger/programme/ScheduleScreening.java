package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Schedules a screening of one or more films, back to back, in a venue from {@code startsAt}. */
public record ScheduleScreening(String competitionId, String screeningId, String title, String venueId,
                                Instant startsAt, List<ScheduledFilm> films, boolean publicScreening) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
