package org.festivalledger.scoring;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Map;

/** A juror's first score for an entry in a round. */
@Revision("1")
public record ScoreRecorded(String competitionId, String roundId, String jurorId, String submissionId,
                            Map<String, BigDecimal> marks, String comment) implements JudgingEvent {
}
