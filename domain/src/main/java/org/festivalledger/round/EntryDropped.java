package org.festivalledger.round;

import org.festivalledger.judging.JudgingEvent;
import org.axonframework.serialization.Revision;

/** An entry left an open round; it no longer appears in that round's standings. */
@Revision("1")
public record EntryDropped(String competitionId, String roundId, String submissionId, String reason) implements JudgingEvent {
}
