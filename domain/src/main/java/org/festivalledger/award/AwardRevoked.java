package org.festivalledger.award;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** An award was revoked, with the reason; the category is free again for another winner. */
@Revision("1")
public record AwardRevoked(String competitionId, String awardId, String categoryId, String submissionId,
                           String reason) implements JudgingEvent {
}
