package org.festivalledger.jury;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.time.Instant;

/**
 * Appoints a juror to a competition with their first credentials; only the hashes of the juror's bearer token
 * and sign-in link are ever recorded.
 */
public record AppointJuror(String competitionId, String jurorId, String name, String tokenHash, String linkHash,
                           Instant linkExpiresAt) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
