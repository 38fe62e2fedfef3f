package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Takes a juror off an entry of a round by hand, with a reason. */
public record UnassignJuror(String competitionId, String roundId, String jurorId, String submissionId,
                            String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
