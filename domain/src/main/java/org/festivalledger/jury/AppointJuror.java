package org.festivalledger.jury;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Appoints a juror to a competition; only the hash of the juror's bearer token is ever recorded. */
public record AppointJuror(String competitionId, String jurorId, String name, String tokenHash) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
