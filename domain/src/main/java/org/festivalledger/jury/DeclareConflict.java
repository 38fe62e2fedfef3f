package org.festivalledger.jury;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/** Declares that a juror has a conflict of interest with an entry (by the organiser or the juror). */
public record DeclareConflict(String competitionId, String jurorId, String submissionId, String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
