package org.festivalledger.scoring;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Map;

/** A juror's score for an entry replaced by a new one, with the reason; {@code revision} counts from 1. */
@Revision("1")
public record ScoreRevised(String competitionId, String roundId, String jurorId, String submissionId,
                           Map<String, BigDecimal> marks, String comment, String reason, int revision) implements JudgingEvent {
}
