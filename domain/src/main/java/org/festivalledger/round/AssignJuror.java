package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Assigns one juror to one entry of a round by hand. */
public record AssignJuror(String competitionId, String roundId, String jurorId, String submissionId) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
