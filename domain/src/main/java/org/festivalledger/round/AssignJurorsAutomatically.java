package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Fills every open slot of a round: each entry gets its jurors, balanced, never a conflicted one. */
public record AssignJurorsAutomatically(String competitionId, String roundId) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
