package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Moves a screening, and may change its films. {@code venueId} or {@code startsAt} left out keep the current
 * ones; {@code films} are always the films it will show, with their facts as of now, so a film that has left
 * the competition since it was scheduled cannot be carried into the new slot unnoticed.
 */
public record RescheduleScreening(String competitionId, String screeningId, String venueId, Instant startsAt,
                                  List<ScheduledFilm> films, String reason) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
