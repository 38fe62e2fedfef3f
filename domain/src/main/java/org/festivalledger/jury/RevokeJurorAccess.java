package org.festivalledger.jury;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Revokes every credential of a juror at once, with the reason. */
public record RevokeJurorAccess(String competitionId, String jurorId, String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
