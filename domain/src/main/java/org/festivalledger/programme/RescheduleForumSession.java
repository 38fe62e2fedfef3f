package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Moves a forum session. Left out, {@code venueId} keeps the venue, {@code startsAt} the start, and
 * {@code endsAt} the session's length from its (new) start.
 */
public record RescheduleForumSession(String competitionId, String sessionId, String venueId, Instant startsAt,
                                     Instant endsAt, String reason) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
