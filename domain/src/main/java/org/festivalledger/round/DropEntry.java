package org.festivalledger.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Takes an entry out of every open round (it was withdrawn or ruled ineligible). */
public record DropEntry(String competitionId, String submissionId, String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
