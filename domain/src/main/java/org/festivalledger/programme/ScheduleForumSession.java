package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Schedules a forum session: a talk or panel with its speakers, in a venue, from {@code startsAt} to {@code endsAt}. */
public record ScheduleForumSession(String competitionId, String sessionId, String title, List<String> speakers,
                                   String venueId, Instant startsAt, Instant endsAt, boolean publicSession) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
