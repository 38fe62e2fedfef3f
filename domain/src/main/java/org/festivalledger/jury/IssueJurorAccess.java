package org.festivalledger.jury;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.time.Instant;

/** Issues a juror new credentials (hashes only), replacing all earlier ones, revoked or not. */
public record IssueJurorAccess(String competitionId, String jurorId, String tokenHash, String linkHash,
                               Instant linkExpiresAt) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
