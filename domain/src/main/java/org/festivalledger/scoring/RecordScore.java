package org.festivalledger.scoring;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.festivalledger.judging.JudgingId;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A juror's marks for one entry in one round, one per criterion. The first for that entry is recorded;
 * a later one revises it and must give a reason.
 */
public record RecordScore(String competitionId, String roundId, String jurorId, String submissionId,
                          Map<String, BigDecimal> marks, String comment, String reason) {

    @TargetAggregateIdentifier
    public String judgingId() {
        return JudgingId.of(competitionId);
    }
}
