package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Closes a round: no score is accepted after this. */
public record CloseRound(String competitionId, String roundId) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
