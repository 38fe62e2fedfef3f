package org.festivalledger.jury;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** A juror's conflict of interest with an entry, on record from now on, for every round. */
@Revision("1")
public record ConflictDeclared(String competitionId, String jurorId, String submissionId, String reason) implements JudgingEvent {
}
