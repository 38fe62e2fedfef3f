package org.festivalledger.scoring;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/**
 * A recorded score no longer counts (a conflict of interest was declared after it was given). It stays
 * in the history; the standings leave it out and the auditor sees it flagged.
 */
@Revision("1")
public record ScoreVoided(String competitionId, String roundId, String jurorId, String submissionId,
                          String reason) implements JudgingEvent {
}
