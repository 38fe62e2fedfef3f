package org.festivalledger.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Takes an award back; the conferral stays on the ledger, the revocation says why. */
public record RevokeAward(String competitionId, String awardId, String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
