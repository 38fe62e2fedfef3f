package org.festivalledger.round;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** A juror no longer judges an entry in a round (by hand, or because of a conflict of interest). */
@Revision("1")
public record AssignmentRemoved(String competitionId, String roundId, String jurorId, String submissionId,
                                String reason) implements JudgingEvent {
}
