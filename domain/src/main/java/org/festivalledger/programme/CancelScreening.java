package org.festivalledger.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a screening, for the reason given; it stays in the history and frees its venue. */
public record CancelScreening(String competitionId, String screeningId, String reason) {

    @TargetAggregateIdentifier
    public String programmeId() {
        return ProgrammeId.of(competitionId);
    }
}
