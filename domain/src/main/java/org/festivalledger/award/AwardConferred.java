package org.festivalledger.award;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** An award was conferred: the category, the entry, the jury's citation and the position it rests on. */
@Revision("1")
public record AwardConferred(String competitionId, String awardId, String categoryId, String submissionId,
                             String citation, long basedOnPosition) implements JudgingEvent {
}
