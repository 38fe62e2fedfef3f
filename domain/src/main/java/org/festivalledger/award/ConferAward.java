package org.festivalledger.award;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

/**
 * Confers an award of a category on an entry. {@code basedOnPosition} is the ledger position the jury's
 * decision rests on (the head when it was recorded), for an auditor to replay to.
 */
public record ConferAward(String competitionId, String awardId, String categoryId, String submissionId,
                          String citation, long basedOnPosition) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
